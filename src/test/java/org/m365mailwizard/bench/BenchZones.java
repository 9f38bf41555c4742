// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.m365mailwizard.testsupport.ZoneResponder;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Zone;

/**
 * The benchmark's DNS world: any number of customer domains {@code m365-NNNNN.example}, each set up
 * the way a website that sends through Microsoft 365 usually is, plus Microsoft's side and two
 * third parties, all in one {@link ZoneResponder}.
 *
 * <p>Each domain: one MX to Exchange Online Protection, SPF with Microsoft's include, a mailing
 * service's and a CRM's (which includes its own address list in turn), both DKIM selectors as CNAMEs into the tenant with a 2048-bit key behind them,
 * {@code p=reject} DMARC whose reports go to an outside service (which authorises the domain, RFC
 * 7489 §7.1), and the autodiscover CNAME: every check passes. The longest chain of dependent
 * questions is three long: {@code <d>} TXT, whose SPF record names the CRM's include, then
 * {@code _spf.crm.example} TXT, which names {@code _netblocks.crm.example}, then that one's TXT.
 * DMARC's is two: {@code _dmarc.<d>} TXT names the report service, then
 * {@code <d>._report._dmarc.reports.dmarc-vendor.example} TXT.
 */
final class BenchZones {

    static final String MAILER_INCLUDE = "servers.mailer.example";
    static final String CRM_INCLUDE = "_spf.crm.example";
    static final String REPORT_HOST = "reports.dmarc-vendor.example";

    private BenchZones() {
    }

    /** {@code m365-00042.example} for 42. */
    static String domain(int index) {
        return String.format(Locale.ROOT, "m365-%05d.example", index);
    }

    /**
     * Microsoft's zones from {@code src/test/resources/zones}, the two third parties, and {@code count}
     * customer domains numbered from 1.
     */
    static ZoneResponder responder(Path zonesDir, int count) {
        ZoneResponder responder = new ZoneResponder();
        responder.addZoneFile(zonesDir.resolve("protection.outlook.com.zone"));
        responder.addZoneFile(zonesDir.resolve("outlook.com.zone"));
        String dkimKey = dkimKey(zonesDir.resolve("onmicrosoft.com.zone"));
        responder.addZone(zone("mailer.example.", """
                servers IN TXT "v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.0/24 -all"
                """));
        responder.addZone(zone("crm.example.", """
                _spf IN TXT "v=spf1 include:_netblocks.crm.example -all"
                _netblocks IN TXT "v=spf1 ip4:192.0.2.128/25 ip6:2001:db8:c0::/48 -all"
                """));
        StringBuilder tenants = new StringBuilder();
        StringBuilder authorisations = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String domain = domain(i);
            String tenant = domain.substring(0, domain.indexOf('.'));
            String prefix = domain.replace('.', '-');
            for (int selector = 1; selector <= 2; selector++) {
                tenants.append("selector").append(selector).append('-').append(prefix).append("._domainkey.")
                        .append(tenant).append(" IN TXT ").append(dkimKey).append('\n');
            }
            authorisations.append(domain).append("._report._dmarc.reports IN TXT \"v=DMARC1\"\n");
            responder.addZone(customer(domain, tenant, prefix));
        }
        responder.addZone(zone("onmicrosoft.com.", tenants.toString()));
        responder.addZone(zone("dmarc-vendor.example.", authorisations + "reports IN MX 10 mx.dmarc-vendor.example.\n"));
        return responder;
    }

    private static Zone customer(String domain, String tenant, String prefix) {
        return zone(domain + ".", """
                @ IN TXT "MS=ms48210075"
                @ IN MX 0 %2$s.mail.protection.outlook.com.
                @ IN TXT "v=spf1 include:spf.protection.outlook.com include:%3$s include:%5$s -all"
                www IN A 192.0.2.80
                autodiscover IN CNAME autodiscover.outlook.com.
                selector1._domainkey IN CNAME selector1-%2$s._domainkey.%1$s.onmicrosoft.com.
                selector2._domainkey IN CNAME selector2-%2$s._domainkey.%1$s.onmicrosoft.com.
                _dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:rua@%4$s; ruf=mailto:ruf@%4$s; fo=1"
                """.formatted(tenant, prefix, MAILER_INCLUDE, REPORT_HOST, CRM_INCLUDE));
    }

    /** A zone from master-file lines, with the SOA and NS every zone needs. */
    private static Zone zone(String origin, String records) {
        String text = "$ORIGIN " + origin + "\n$TTL 3600\n"
                + "@ IN SOA ns1 hostmaster 2026112901 3600 600 1209600 300\n"
                + "@ IN NS ns1\nns1 IN A 127.0.0.1\n" + records;
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.fromString(origin))) {
            List<Record> parsed = new ArrayList<>();
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                parsed.add(r);
            }
            return new Zone(Name.fromString(origin), parsed.toArray(Record[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rdata of the first DKIM key in Microsoft's test zone: a real 2048-bit key, as published. */
    private static String dkimKey(Path onmicrosoftZone) {
        try {
            Zone zone = new Zone(Name.fromString("onmicrosoft.com."), onmicrosoftZone.toString());
            Name name = Name.fromString("selector1-contoso-com._domainkey.contoso.onmicrosoft.com.");
            return zone.findExactMatch(name, org.xbill.DNS.Type.TXT).first().rdataToString();
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} domain names, one a line, numbered from 1. */
    static Path domainsFile(Path dir, int count) throws IOException {
        Path file = dir.resolve("domains-" + count + ".txt");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append(domain(i)).append('\n');
        }
        Files.writeString(file, lines);
        return file;
    }
}
