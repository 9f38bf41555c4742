// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/** The stand-in itself: answers over real UDP, falls back to TCP on truncation, reports NXDOMAIN. */
class LoopbackDnsServerTest {

    private static final String ZONE = """
            $TTL 300
            @ IN SOA ns.example.test. admin.example.test. 1 3600 600 86400 300
            @ IN NS ns.example.test.
            @ IN MX 0 example-test.mail.protection.outlook.com.
            big IN TXT "%1$s" "%1$s" "%1$s" "%1$s" "%1$s" "%1$s"
            """.formatted("a".repeat(250));

    @Test
    void answersFromZoneAndFallsBackToTcpWhenTruncated() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(zone).withDelay(Duration.ofMillis(5))) {
            SimpleResolver resolver = new SimpleResolver("127.0.0.1");
            resolver.setPort(server.port());
            resolver.setTimeout(Duration.ofSeconds(2));

            Message mx = resolver.send(query("example.test.", Type.MX));
            assertThat(mx.getSection(Section.ANSWER)).hasSize(1);

            Message big = resolver.send(query("big.example.test.", Type.TXT));
            assertThat(big.getSection(Section.ANSWER)).hasSize(1);
            assertThat(server.tcpQueryCount()).isEqualTo(1);

            Message missing = resolver.send(query("nope.example.test.", Type.A));
            assertThat(missing.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        }
    }

    private static Message query(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    }
}
