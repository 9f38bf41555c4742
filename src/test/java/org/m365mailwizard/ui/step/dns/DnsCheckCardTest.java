// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Long values (DKIM keys) are shortened line by line; short ones are left as they are. */
class DnsCheckCardTest {

    @Test
    void aLongLineKeepsItsStartAndEnd() {
        String key = "selector1._domainkey IN TXT \"v=DKIM1; k=rsa; p=" + "A".repeat(300) + "IDAQAB\"";

        String shown = DnsCheckCard.shorten(key);

        assertThat(shown).hasSizeLessThanOrEqualTo(DnsCheckCard.SHORT + 3).contains(" … ")
                .startsWith("selector1._domainkey IN TXT").endsWith("IDAQAB\"");
    }

    @Test
    void shortLinesStayWholeAndLinesStaySeparate() {
        String found = "v=spf1 include:spf.protection.outlook.com -all\n" + "x".repeat(200);

        String[] lines = DnsCheckCard.shorten(found).split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("v=spf1 include:spf.protection.outlook.com -all");
        assertThat(lines[1]).contains(" … ").hasSizeLessThan(200);
    }
}
