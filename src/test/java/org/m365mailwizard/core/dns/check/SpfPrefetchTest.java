// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class SpfPrefetchTest {

    /** Answers TXT questions from a map at once (NXDOMAIN for the rest) and records what it was asked. */
    private static final class TxtZone implements DnsClient {
        final Map<String, List<String>> records;
        final List<String> asked = new ArrayList<>();

        TxtZone(Map<String, List<String>> records) {
            this.records = records;
        }

        @Override
        public synchronized CompletionStage<DnsAnswer> query(String absoluteName, int type) {
            asked.add(absoluteName + " " + Type.string(type));
            List<String> texts = records.get(absoluteName);
            if (texts == null) {
                return CompletableFuture.completedFuture(DnsAnswer.of(absoluteName, type, DnsOutcome.NXDOMAIN));
            }
            return CompletableFuture.completedFuture(answer(absoluteName, texts));
        }
    }

    private static DnsAnswer answer(String name, List<String> texts) {
        try {
            List<Record> records = new ArrayList<>();
            for (String text : texts) {
                records.add(new TXTRecord(Name.fromString(name), org.xbill.DNS.DClass.IN, 300, text));
            }
            return new DnsAnswer(name, Type.TXT, DnsOutcome.ANSWER, records, List.of());
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void asksForEveryIncludeAndTheRedirectAtOnceAndFollowsTheirRecordsDown() {
        TxtZone zone = new TxtZone(Map.of(
                "a.example.", List.of("v=spf1 include:nested.a.example -all"),
                "nested.a.example.", List.of("v=spf1 ip4:192.0.2.0/24 -all"),
                "b.example.", List.of("v=spf1 ip4:198.51.100.0/24 -all")));
        SpfPrefetch prefetch = new SpfPrefetch(zone);

        prefetch.follow("contoso.com", answer("contoso.com.", List.of("MS=ms123",
                "v=spf1 include:a.example ip4:203.0.113.1 include:B.example. redirect=c.example")));

        assertThat(zone.asked).containsExactly("a.example. TXT", "nested.a.example. TXT", "B.example. TXT",
                "c.example. TXT");
    }

    @Test
    void skipsMacrosNonSpfTextAndBrokenRecordsAndAsksEachNameOnce() {
        TxtZone zone = new TxtZone(Map.of("loop.example.", List.of("v=spf1 include:loop.example -all")));
        SpfPrefetch prefetch = new SpfPrefetch(zone);

        prefetch.follow("contoso.com", answer("contoso.com.", List.of(
                "v=spf1 include:%{d}._spf.example include:loop.example include:LOOP.example -all",
                "google-site-verification=include:not-spf.example")));
        prefetch.follow("other.com", answer("other.com.", List.of("v=spf1 include:loop.example bad:term -all")));

        assertThat(zone.asked).containsExactly("loop.example. TXT");
    }

    @Test
    void asksForAtMostTenNamesHoweverLargeTheTree() {
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            includes.add("include:n" + i + ".example");
        }
        TxtZone zone = new TxtZone(Map.of());
        new SpfPrefetch(zone).follow("contoso.com",
                answer("contoso.com.", List.of("v=spf1 " + String.join(" ", includes) + " -all")));

        assertThat(zone.asked).hasSize(SpfPrefetch.MAX_NAMES).startsWith("n0.example. TXT", "n1.example. TXT");
    }
}
