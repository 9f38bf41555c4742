// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** The DNS step shows a record from the zone as it is, control and bidi characters visible (D1, GUI side). */
class DnsCheckRowTest {

    @Test
    void aRecordsLineBreaksAndOverridesAreShownNotObeyed() {
        Finding finding = Finding.of("spf", Status.FAIL, "TXT \"v=spf1 -all\"",
                List.of("TXT \"v=spf1\nPASS spf \u202eedisni\u202c \u001b[31m\""), Message.of("dns.spf.missing", "x"));

        DnsCheckRow row = DnsCheckRow.of(finding, new Texts(Language.ENGLISH));

        assertThat(row.found()).isEqualTo("TXT \"v=spf1\\x0aPASS spf \\u202eedisni\\u202c \\x1b[31m\"");
        assertThat(row.found()).doesNotContain("\n", "\u202e", "\u001b");
    }

    @Test
    void severalRecordsStillShowOnePerLine() {
        Finding finding = Finding.of("spf", Status.FAIL, "", List.of("TXT \"a\"", "TXT \"b\""),
                Message.of("dns.spf.several", "x"));

        assertThat(DnsCheckRow.of(finding, new Texts(Language.ENGLISH)).found()).isEqualTo("TXT \"a\"\nTXT \"b\"");
    }
}
