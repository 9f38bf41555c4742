// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An in-memory {@link DnsClient} for unit tests of bad paths: records per name and type, failures
 * (SERVFAIL, TIMEOUT, ...) per name and type, NXDOMAIN for unknown names, NODATA for a known name
 * without the type. Counts the questions asked. Answers complete immediately.
 */
final class FakeDns implements DnsClient {

    private final Map<String, List<Record>> records = new HashMap<>();
    private final Map<String, DnsOutcome> failures = new HashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private boolean throwing;

    FakeDns txt(String name, String... strings) {
        return add(name, new TXTRecord(name(name), DClass.IN, 300, List.of(strings)));
    }

    FakeDns a(String name, String... addresses) {
        for (String a : addresses) {
            add(name, new ARecord(name(name), DClass.IN, 300, InetAddresses.forString(a)));
        }
        return this;
    }

    FakeDns aaaa(String name, String... addresses) {
        for (String a : addresses) {
            add(name, new AAAARecord(name(name), DClass.IN, 300, InetAddresses.forString(a)));
        }
        return this;
    }

    FakeDns mx(String name, String... hosts) {
        int preference = 10;
        for (String host : hosts) {
            add(name, new MXRecord(name(name), DClass.IN, 300, preference++, name(host)));
        }
        return this;
    }

    FakeDns ptr(String reverseName, String... hosts) {
        for (String host : hosts) {
            add(reverseName, new PTRRecord(name(reverseName), DClass.IN, 300, name(host)));
        }
        return this;
    }

    /** Makes questions of this type about this name end with {@code outcome}. */
    FakeDns fail(String name, int type, DnsOutcome outcome) {
        failures.put(key(name, type), outcome);
        return this;
    }

    /** Breaks the client's contract: every question fails exceptionally. */
    FakeDns throwing() {
        throwing = true;
        return this;
    }

    int queryCount() {
        return queries.get();
    }

    private FakeDns add(String name, Record record) {
        records.computeIfAbsent(plain(name), n -> new ArrayList<>()).add(record);
        return this;
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        queries.incrementAndGet();
        if (throwing) {
            return CompletableFuture.failedFuture(new IllegalStateException("broken client"));
        }
        String name = plain(absoluteName);
        DnsOutcome failure = failures.get(key(name, type));
        if (failure != null) {
            return CompletableFuture.completedFuture(DnsAnswer.of(absoluteName, type, failure));
        }
        List<Record> atName = records.get(name);
        if (atName == null) {
            return CompletableFuture.completedFuture(DnsAnswer.of(absoluteName, type, DnsOutcome.NXDOMAIN));
        }
        List<Record> ofType = atName.stream().filter(r -> r.getType() == type).toList();
        DnsOutcome outcome = ofType.isEmpty() ? DnsOutcome.NODATA : DnsOutcome.ANSWER;
        return CompletableFuture.completedFuture(new DnsAnswer(absoluteName, type, outcome, ofType, List.of()));
    }

    private static String key(String name, int type) {
        return plain(name) + "/" + Type.string(type);
    }

    private static String plain(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
