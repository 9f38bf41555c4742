// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * Test-only {@link DnsClient} over dnsjava's {@link SimpleResolver} aimed at one loopback server
 * (UDP, TCP when truncated). It stands in for the production client until that lands; it keeps
 * the {@link DnsClient} contract (never fails exceptionally, outcomes instead of exceptions,
 * CNAMEs in the answer followed, a CNAME loop is {@link DnsOutcome#ERROR}).
 */
final class SimpleResolverDnsClient implements DnsClient {

    private final SimpleResolver resolver;

    SimpleResolverDnsClient(int port, Duration timeout) {
        resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        resolver.setTimeout(timeout);
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        Name name;
        try {
            name = Name.fromString(absoluteName);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(DnsAnswer.of(absoluteName, type, DnsOutcome.ERROR));
        }
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        return resolver.sendAsync(query).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                boolean timeout = cause instanceof TimeoutException || cause instanceof InterruptedIOException;
                return DnsAnswer.of(absoluteName, type, timeout ? DnsOutcome.TIMEOUT : DnsOutcome.ERROR);
            }
            return read(absoluteName, name, type, response);
        });
    }

    private static DnsAnswer read(String asked, Name name, int type, Message response) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return DnsAnswer.of(asked, type, DnsOutcome.NXDOMAIN);
        }
        if (rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED) {
            return DnsAnswer.of(asked, type, rcode == Rcode.SERVFAIL ? DnsOutcome.SERVFAIL : DnsOutcome.REFUSED);
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.of(asked, type, DnsOutcome.ERROR);
        }
        List<Record> section = response.getSection(Section.ANSWER);
        List<Record> chain = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        Name current = name;
        while (seen.add(current)) {
            Name owner = current;
            List<Record> found = section.stream().filter(r -> r.getType() == type && r.getName().equals(owner)).toList();
            if (!found.isEmpty()) {
                return new DnsAnswer(asked, type, DnsOutcome.ANSWER, found, chain);
            }
            Record cname = section.stream().filter(r -> r instanceof CNAMERecord && r.getName().equals(owner))
                    .findFirst().orElse(null);
            if (cname == null) {
                return new DnsAnswer(asked, type, DnsOutcome.NODATA, List.of(), chain);
            }
            chain.add(cname);
            current = ((CNAMERecord) cname).getTarget();
        }
        return new DnsAnswer(asked, type, DnsOutcome.ERROR, List.of(), chain);
    }
}
