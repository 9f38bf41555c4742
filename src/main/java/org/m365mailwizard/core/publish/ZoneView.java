// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The zone as the DNS host holds it (or as a plan would leave it), answering DNS questions, so that
 * the very checks of the DNS step judge it: what they would suggest is what the plan writes, and
 * the SPF lookup limit is counted by the same evaluator. Names outside the zone (an SPF include,
 * Microsoft's DKIM keys) are asked through {@code outside}.
 */
final class ZoneView implements DnsClient {

    private static final int MAX_CHAIN = 8;

    private final DnsZone zone;
    private final List<HostRecord> records;
    private final DnsClient outside;

    ZoneView(DnsZone zone, List<HostRecord> records, DnsClient outside) {
        this.zone = zone;
        this.records = List.copyOf(records);
        this.outside = outside;
    }

    /** The view after {@code changes} were written. */
    ZoneView after(List<RecordChange> changes) {
        List<HostRecord> result = new ArrayList<>(records);
        for (RecordChange change : changes) {
            if (!change.writes()) {
                continue;
            }
            result.removeAll(change.before());
            for (String value : change.after()) {
                result.add(new HostRecord(change.name(), change.type(), value, change.ttl(), ""));
            }
        }
        return new ZoneView(zone, result, outside);
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        return query(HostRecord.absolute(absoluteName), type, new ArrayList<>());
    }

    private CompletionStage<DnsAnswer> query(String name, int type, List<Record> chain) {
        if (!zone.contains(name)) {
            return outside.query(name, type).thenApply(answer -> chain.isEmpty() ? answer
                    : new DnsAnswer(answer.name(), type, answer.outcome(), answer.records(), joined(chain, answer.cnameChain())));
        }
        String typeName = Type.string(type);
        List<Record> found = records.stream().filter(r -> r.sameSet(name, typeName)).map(ZoneView::toDns)
                .filter(r -> r != null).toList();
        if (!found.isEmpty()) {
            return done(new DnsAnswer(name, type, DnsOutcome.ANSWER, found, chain));
        }
        List<HostRecord> alias = records.stream().filter(r -> r.sameSet(name, "CNAME")).toList();
        if (!alias.isEmpty() && type != Type.CNAME && chain.size() < MAX_CHAIN) {
            Record cname = toDns(alias.get(0));
            if (cname != null) {
                chain.add(cname);
                return query(HostRecord.absolute(alias.get(0).value()), type, chain);
            }
        }
        boolean exists = name.equals(zone.name() + ".")
                || records.stream().anyMatch(r -> r.name().equals(name) || r.name().endsWith("." + name));
        return done(new DnsAnswer(name, type, exists ? DnsOutcome.NODATA : DnsOutcome.NXDOMAIN, List.of(), chain));
    }

    private static List<Record> joined(List<Record> a, List<Record> b) {
        List<Record> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static CompletionStage<DnsAnswer> done(DnsAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }

    /** The record in dnsjava's form; {@code null} for types the checks never ask. */
    static Record toDns(HostRecord record) {
        try {
            Name owner = Name.fromString(record.name());
            return switch (record.type()) {
                case "TXT" -> new TXTRecord(owner, DClass.IN, record.ttl(), TxtValues.split(record.value()));
                case "CNAME" -> new CNAMERecord(owner, DClass.IN, record.ttl(), Name.fromString(HostRecord.absolute(record.value())));
                case "MX" -> {
                    String[] parts = record.value().trim().split("\\s+", 2);
                    yield new MXRecord(owner, DClass.IN, record.ttl(), Integer.parseInt(parts[0]),
                            Name.fromString(HostRecord.absolute(parts[1])));
                }
                default -> null;
            };
        } catch (TextParseException | RuntimeException e) {
            return null; // a record the host holds but DNS could not carry: the checks judge without it
        }
    }
}
