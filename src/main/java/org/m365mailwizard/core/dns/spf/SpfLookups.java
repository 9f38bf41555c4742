// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.m365mailwizard.core.dns.TxtStrings;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The DNS questions SPF asks, and how their answers are read. */
final class SpfLookups {

    /** RFC 7208 §4.6.4: at most 10 names per mx or ptr. */
    static final int NAME_LIMIT = 10;

    private final DnsClient dns;

    SpfLookups(DnsClient dns) {
        this.dns = dns;
    }

    /**
     * Asks one question. {@code domain} is a name as SPF sees it (no trailing dot; may contain any
     * octet after macro expansion) or a name as dnsjava printed it (then already escaped, with a
     * trailing dot). A client that breaks its contract and fails exceptionally counts as ERROR.
     */
    CompletionStage<DnsAnswer> query(String domain, int type) {
        String absolute = domain.endsWith(".") ? domain : presentation(domain) + ".";
        try {
            return dns.query(absolute, type)
                    .handle((answer, failure) -> failure == null && answer != null
                            ? answer : DnsAnswer.of(absolute, type, DnsOutcome.ERROR));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(DnsAnswer.of(absolute, type, DnsOutcome.ERROR));
        }
    }

    /** The address-record type that matters for this client: A for IPv4, AAAA for IPv6. */
    static int addressType(InetAddress ip) {
        return ip instanceof Inet4Address ? Type.A : Type.AAAA;
    }

    /**
     * The master-file form of a name: printable ASCII as is, every other octet of its UTF-8 form as
     * {@code \DDD}, so that whatever a macro produced reaches the wire unchanged.
     */
    static String presentation(String domain) {
        StringBuilder out = new StringBuilder();
        for (byte b : domain.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
            }
        }
        return out.toString();
    }

    /** Each TXT record of the answer, its strings joined as bytes without separator (§3.3). */
    static List<String> txtStrings(DnsAnswer answer) {
        return TxtStrings.joined(answer.records());
    }

    static List<InetAddress> addresses(DnsAnswer answer) {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : answer.records()) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            } else if (r instanceof AAAARecord aaaa) {
                out.add(aaaa.getAddress());
            }
        }
        return out;
    }

    /** MX targets in answer order; the null MX target (the root, RFC 7505) is kept as {@code "."}. */
    static List<String> mxTargets(DnsAnswer answer) {
        return answer.records().stream().filter(MXRecord.class::isInstance)
                .map(r -> ((MXRecord) r).getTarget().toString()).toList();
    }

    static List<String> ptrTargets(DnsAnswer answer) {
        return answer.records().stream().filter(PTRRecord.class::isInstance)
                .map(r -> ((PTRRecord) r).getTarget().toString()).toList();
    }

    /** A name from DNS (dnsjava presentation form) as SPF compares it: lower case, no trailing dot. */
    static String plain(String presentationName) {
        try {
            Name name = Name.fromString(presentationName);
            return name.toString(true).toLowerCase(Locale.ROOT);
        } catch (org.xbill.DNS.TextParseException e) {
            return presentationName.toLowerCase(Locale.ROOT);
        }
    }

    /** A one-line account of an answer, for the evaluation tree: {@code mail.example.com. A NXDOMAIN}. */
    static String describe(DnsAnswer answer) {
        String what = answer.outcome() == DnsOutcome.ANSWER
                ? answer.records().size() + " record" + (answer.records().size() == 1 ? "" : "s")
                : answer.outcome().name();
        return answer.name() + " " + Type.string(answer.type()) + " " + what;
    }

    /**
     * The names of the PTR records of {@code ip} (at most 10, in answer order) whose own address
     * records contain {@code ip} (§5.5). Lookup failures drop the name, never fail the whole.
     */
    CompletionStage<ValidatedNames> validatedNames(InetAddress ip) {
        return query(SpfAddresses.reverseName(ip), Type.PTR).thenCompose(ptr -> {
            if (ptr.outcome() != DnsOutcome.ANSWER) {
                return CompletableFuture.completedFuture(new ValidatedNames(ptr, List.of(), List.of(describe(ptr))));
            }
            List<String> names = ptrTargets(ptr);
            List<String> considered = names.subList(0, Math.min(NAME_LIMIT, names.size()));
            List<CompletableFuture<DnsAnswer>> checks = considered.stream()
                    .map(n -> query(n, addressType(ip)).toCompletableFuture()).toList();
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<String> valid = new ArrayList<>();
                List<String> log = new ArrayList<>();
                log.add(describe(ptr));
                for (int i = 0; i < considered.size(); i++) {
                    DnsAnswer a = checks.get(i).join();
                    log.add(describe(a));
                    if (addresses(a).stream().anyMatch(ip::equals)) {
                        valid.add(plain(considered.get(i)));
                    }
                }
                return new ValidatedNames(ptr, valid, log);
            });
        });
    }

    /** The PTR answer, the names that validated, and a line per question asked. */
    record ValidatedNames(DnsAnswer ptr, List<String> names, List<String> log) {
    }
}
