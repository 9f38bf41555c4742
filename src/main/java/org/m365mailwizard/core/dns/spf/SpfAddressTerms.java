// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.Type;

/**
 * The mechanisms that compare the client address with addresses: ip4, ip6, a, mx, ptr, and
 * exists (RFC 7208 §5.3-5.7). Void lookups are counted through the evaluation's counter.
 */
final class SpfAddressTerms {

    /** Counts a void lookup; the limit problem when the decisive count goes over, else null. */
    @FunctionalInterface
    interface VoidCounter {
        Message count(boolean shadow);
    }

    private final SpfLookups lookups;
    private final InetAddress ip;
    private final Supplier<CompletionStage<SpfLookups.ValidatedNames>> validatedNames;
    private final VoidCounter voids;

    SpfAddressTerms(SpfLookups lookups, InetAddress ip,
                    Supplier<CompletionStage<SpfLookups.ValidatedNames>> validatedNames, VoidCounter voids) {
        this.lookups = lookups;
        this.ip = ip;
        this.validatedNames = validatedNames;
        this.voids = voids;
    }

    boolean network(SpfTerm.Mechanism m) {
        boolean four = m.kind() == SpfTerm.Kind.IP4;
        String literal = m.domainSpec().orElseThrow();
        byte[] network = four ? SpfAddresses.parseIp4(literal) : SpfAddresses.parseIp6(literal);
        byte[] client = ip.getAddress();
        if (four != (client.length == 4)) {
            return false;
        }
        return SpfAddresses.sameNetwork(client, network, four ? m.cidr4() : m.cidr6());
    }

    CompletionStage<SpfTermResult> a(SpfTerm.Mechanism m, String target, boolean shadow) {
        int type = SpfLookups.addressType(ip);
        return lookups.query(target, type).thenApply(answer -> {
            List<String> log = List.of(SpfLookups.describe(answer));
            SpfTermResult failed = failedOrVoid(answer, target, shadow, log);
            if (failed != null) {
                return failed;
            }
            boolean hit = SpfLookups.addresses(answer).stream()
                    .anyMatch(a -> SpfAddresses.matches(ip, a, m.cidr4(), m.cidr6()));
            return SpfTermResult.match(hit, target, log);
        });
    }

    CompletionStage<SpfTermResult> exists(String target, boolean shadow) {
        // §5.7: always an A query, whatever the client's address family.
        return lookups.query(target, Type.A).thenApply(answer -> {
            List<String> log = List.of(SpfLookups.describe(answer));
            SpfTermResult failed = failedOrVoid(answer, target, shadow, log);
            return failed != null ? failed : SpfTermResult.match(!SpfLookups.addresses(answer).isEmpty(), target, log);
        });
    }

    CompletionStage<SpfTermResult> mx(String currentDomain, SpfTerm.Mechanism m, String target, boolean shadow) {
        return lookups.query(target, Type.MX).thenCompose(answer -> {
            List<String> log = new ArrayList<>(List.of(SpfLookups.describe(answer)));
            SpfTermResult failed = failedOrVoid(answer, target, shadow, log);
            if (failed != null) {
                return CompletableFuture.completedFuture(failed);
            }
            List<String> hosts = SpfLookups.mxTargets(answer);
            if (hosts.size() > SpfLookups.NAME_LIMIT) {
                return CompletableFuture.completedFuture(SpfTermResult.error(SpfResult.PERMERROR,
                        Message.of("spf.problem.tooManyMxNames", currentDomain, target, hosts.size()), target, log));
            }
            int type = SpfLookups.addressType(ip);
            List<CompletableFuture<DnsAnswer>> queries = hosts.stream().filter(h -> !h.equals("."))
                    .map(h -> lookups.query(h, type).toCompletableFuture()).toList();
            return CompletableFuture.allOf(queries.toArray(CompletableFuture[]::new)).thenApply(all -> {
                DnsAnswer failure = null;
                boolean hit = false;
                for (CompletableFuture<DnsAnswer> q : queries) {
                    DnsAnswer a = q.join();
                    log.add(SpfLookups.describe(a));
                    if (!a.outcome().isDefinite()) {
                        failure = failure == null ? a : failure;
                    }
                    hit |= SpfLookups.addresses(a).stream()
                            .anyMatch(x -> SpfAddresses.matches(ip, x, m.cidr4(), m.cidr6()));
                }
                if (!hit && failure != null) {
                    return SpfTermResult.error(SpfResult.TEMPERROR,
                            dnsFailure(failure.name(), failure.type(), failure.outcome()), target, log);
                }
                return SpfTermResult.match(hit, target, log);
            });
        });
    }

    CompletionStage<SpfTermResult> ptr(String target, boolean shadow) {
        return validatedNames.get().thenApply(v -> {
            // §5.5: a failed PTR lookup makes the mechanism not match (never an error).
            if (v.ptr().outcome().isVoid()) {
                Message overLimit = voids.count(shadow);
                if (overLimit != null) {
                    return SpfTermResult.error(SpfResult.PERMERROR, overLimit, target, v.log());
                }
            }
            boolean hit = v.names().stream().anyMatch(n -> n.equals(target) || n.endsWith("." + target));
            return SpfTermResult.match(hit, target, v.log());
        });
    }

    /** A DNS failure (temperror) or a void answer (counted; permerror over the limit); else null. */
    private SpfTermResult failedOrVoid(DnsAnswer answer, String target, boolean shadow, List<String> log) {
        if (!answer.outcome().isDefinite()) {
            return SpfTermResult.error(SpfResult.TEMPERROR, dnsFailure(answer.name(), answer.type(), answer.outcome()),
                    target, log);
        }
        if (answer.outcome().isVoid() || answer.records().isEmpty()) {
            Message overLimit = voids.count(shadow);
            return overLimit != null ? SpfTermResult.error(SpfResult.PERMERROR, overLimit, target, log)
                    : SpfTermResult.match(false, target, log);
        }
        return null;
    }

    static Message dnsFailure(String name, int type, DnsOutcome outcome) {
        String plain = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return Message.of("spf.problem.dns." + outcome.name().toLowerCase(Locale.ROOT), plain, Type.string(type));
    }
}
