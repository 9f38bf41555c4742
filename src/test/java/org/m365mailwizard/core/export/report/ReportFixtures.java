// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.export.Setups;

/** A setup with checks from every step, for the report tests. */
final class ReportFixtures {

    static final String SECRET = "Zy7~secretVALUE.abcdefghijklmnopqrstuvw";
    static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 3, 1, 10, 15, 0, 0, ZoneOffset.UTC);

    private ReportFixtures() {
    }

    static MailConfig setup() {
        return Setups.ordinary().withSecret(SECRET);
    }

    static Message text(String words) {
        return Message.of(FindingsFile.PLAIN_MESSAGE, words);
    }

    static List<ReportSection> sections(String value) {
        Finding spf = new Finding("spf", Status.FAIL, "v=spf1 include:spf.protection.outlook.com -all",
                List.of("v=spf1 include:" + value + " ~all"), text("SPF does not include Microsoft 365: " + value),
                List.of(text("Merge into one record.")),
                new Fix("contoso.com.", "TXT", "\"v=spf1 include:spf.protection.outlook.com -all\"", 3600));
        Finding mx = Finding.of("mx", Status.PASS, "contoso-com.mail.protection.outlook.com",
                List.of("0 contoso-com.mail.protection.outlook.com."), text("MX points to Microsoft 365."));
        Finding secret = Finding.of("app-secret", Status.WARN, "", List.of(), text("The secret expires soon."));
        Finding consent = Finding.of("consent-mail-send", Status.PASS, "Mail.Send", List.of("Mail.Send"),
                text("Mail.Send is granted."));
        Finding mail = Finding.of("test-mail", Status.PASS, "", List.of(), text("Accepted by Graph (202)."));
        return List.of(new ReportSection(ReportSection.APP, List.of(secret)),
                new ReportSection(ReportSection.CONSENT, List.of(consent)),
                new ReportSection(ReportSection.DNS, List.of(mx, spf)),
                new ReportSection(ReportSection.MAIL, List.of(mail)));
    }

    static SetupReport report() {
        return new SetupReport(setup(), sections("spf.example.net"), WHEN);
    }

    /** Every text of the setup and of every check holds the payload. */
    static SetupReport hostile(String payload) {
        MailConfig setup = setup().toBuilder().tenantId("t" + payload).tenantDomain("td" + payload)
                .clientId("c" + payload).redirectUri("r" + payload).domain("d" + payload).sender("s" + payload)
                .senderName("n" + payload).build();
        Finding f = new Finding("id" + payload, Status.FAIL, "e" + payload, List.of("f" + payload),
                text("m" + payload), List.of(text("note" + payload)), new Fix("h" + payload, "TXT", "v" + payload, 300));
        return new SetupReport(setup, List.of(new ReportSection(ReportSection.DNS, List.of(f)),
                new ReportSection(ReportSection.MAIL, List.of(f))), WHEN);
    }
}
