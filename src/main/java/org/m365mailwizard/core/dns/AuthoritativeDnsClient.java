// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Asks a domain's own name servers, so that an admin who has just changed a record is not shown a
 * resolver's cached copy. The zone is found once, on first use: the name servers of the domain
 * (or of its nearest parent that has some), looked up through the ordinary resolver. Questions
 * for names in that zone go to those servers; all others (Microsoft's hosts a CNAME points at, the
 * DMARC report destinations) go to the ordinary resolver, as do names the zone delegates further.
 *
 * <p>One instance serves one check run: the zone it found is the only thing it remembers.
 */
public final class AuthoritativeDnsClient implements DnsClient {

    private final DnsjavaClient resolver;
    private final String domain;
    private final int nameServerPort;
    private final Duration timeout;
    private final Executor executor;
    private CompletableFuture<Zone> zone;

    /**
     * @param resolver the ordinary resolver, to find the name servers and for names outside the zone
     * @param domain the domain checked (ASCII, with or without the trailing dot)
     * @param nameServerPort the port the name servers listen on (53; another only for tests)
     */
    public AuthoritativeDnsClient(DnsjavaClient resolver, String domain, int nameServerPort, Duration timeout,
                                  Executor executor) {
        this.resolver = resolver;
        this.domain = absolute(domain);
        this.nameServerPort = nameServerPort;
        this.timeout = timeout;
        this.executor = executor;
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        String name = absolute(absoluteName);
        if (!isUnder(name, domainApexCandidates())) {
            return resolver.query(name, type);
        }
        return zone().thenCompose(z -> {
            if (z.failure != null) {
                return CompletableFuture.completedFuture(DnsAnswer.of(name, type, z.failure));
            }
            if (!isUnder(name, List.of(z.apex))) {
                return resolver.query(name, type);
            }
            return z.servers.exchange(name, type).thenCompose(exchange -> {
                if (exchange.response() != null && ResponseReader.isReferral(exchange.response())) {
                    // Delegated further down (e.g. a _dmarc subzone): the resolver knows the way.
                    return resolver.query(name, type);
                }
                return continueChain(exchange.answer(), type, z);
            });
        });
    }

    /** An authoritative server stops a CNAME chain at its zone's edge; the rest is asked elsewhere. */
    private CompletionStage<DnsAnswer> continueChain(DnsAnswer answer, int type, Zone z) {
        if (answer.outcome() != DnsOutcome.NODATA || answer.cnameChain().isEmpty()) {
            return CompletableFuture.completedFuture(answer);
        }
        Record last = answer.cnameChain().get(answer.cnameChain().size() - 1);
        String target = ((org.xbill.DNS.CNAMERecord) last).getTarget().toString();
        if (isUnder(absolute(target), List.of(z.apex)) || answer.cnameChain().size() > ResponseReader.MAX_CHAIN) {
            return CompletableFuture.completedFuture(answer);
        }
        return query(target, type).thenApply(rest -> {
            List<Record> chain = new ArrayList<>(answer.cnameChain());
            chain.addAll(rest.cnameChain());
            return new DnsAnswer(answer.name(), type, rest.outcome(), rest.records(), chain);
        });
    }

    private synchronized CompletableFuture<Zone> zone() {
        if (zone == null) {
            zone = findZone(domain).toCompletableFuture();
        }
        return zone;
    }

    /** Walks up from the domain to the first name with NS records (the apex of its zone). */
    private CompletionStage<Zone> findZone(String name) {
        return resolver.query(name, Type.NS).thenCompose(answer -> {
            if (answer.outcome() == DnsOutcome.ANSWER && answer.cnameChain().isEmpty()) {
                List<String> hosts = answer.records().stream().filter(NSRecord.class::isInstance)
                        .map(r -> ((NSRecord) r).getTarget().toString()).toList();
                return addresses(hosts).thenApply(addrs -> addrs.isEmpty()
                        ? Zone.failed(name, DnsOutcome.ERROR)
                        : new Zone(name, new DnsjavaClient(addrs, timeout, executor, false), null));
            }
            boolean noServersHere = answer.outcome().isVoid() || answer.outcome() == DnsOutcome.ANSWER;
            if (noServersHere && parent(name) != null) {
                return findZone(parent(name));
            }
            // At the registrable level: NXDOMAIN means the domain does not exist, which every
            // question under it then reports; anything else means its servers cannot be found.
            DnsOutcome failure = answer.outcome() == DnsOutcome.NXDOMAIN ? DnsOutcome.NXDOMAIN
                    : answer.outcome().isDefinite() ? DnsOutcome.ERROR : answer.outcome();
            return CompletableFuture.completedFuture(Zone.failed(name, failure));
        });
    }

    /** IPv4 addresses of the name servers first (IPv6 is often unrouted on desktops), then IPv6. */
    private CompletionStage<List<InetSocketAddress>> addresses(List<String> hosts) {
        List<CompletableFuture<DnsAnswer>> v4 = hosts.stream()
                .map(h -> resolver.query(h, Type.A).toCompletableFuture()).toList();
        List<CompletableFuture<DnsAnswer>> v6 = hosts.stream()
                .map(h -> resolver.query(h, Type.AAAA).toCompletableFuture()).toList();
        List<CompletableFuture<DnsAnswer>> all = new ArrayList<>(v4);
        all.addAll(v6);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<InetSocketAddress> result = new ArrayList<>();
            for (CompletableFuture<DnsAnswer> f : all) {
                for (Record r : f.join().records()) {
                    InetAddress address = r instanceof ARecord a ? a.getAddress()
                            : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                    if (address != null) {
                        result.add(new InetSocketAddress(address, nameServerPort));
                    }
                }
            }
            return result;
        });
    }

    private List<String> domainApexCandidates() {
        // Before the zone is known, every name at or under the domain or a parent of it might be in it.
        List<String> candidates = new ArrayList<>();
        for (String n = domain; n != null; n = parent(n)) {
            candidates.add(n);
        }
        return candidates;
    }

    private static boolean isUnder(String name, List<String> apexes) {
        for (String apex : apexes) {
            if (name.equals(apex) || name.endsWith("." + apex)) {
                return true;
            }
        }
        return false;
    }

    /** The parent name, or null at a top-level domain (the root's servers are never asked). */
    private static String parent(String absoluteName) {
        int dot = absoluteName.indexOf('.');
        String rest = absoluteName.substring(dot + 1);
        return rest.isEmpty() || rest.indexOf('.') == rest.length() - 1 ? null : rest;
    }

    private static String absolute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private record Zone(String apex, DnsjavaClient servers, DnsOutcome failure) {
        static Zone failed(String apex, DnsOutcome failure) {
            return new Zone(apex, null, failure);
        }
    }
}
