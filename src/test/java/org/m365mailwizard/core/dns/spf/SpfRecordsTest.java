// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpfRecordsTest {

    private static final String MICROSOFT = "v=spf1 ip4:40.92.0.0/15 include:spfd.protection.outlook.com -all";

    @Test
    void aTextIsParsedOnceAndGivesWhatAFreshParseGives() {
        SpfRecords records = new SpfRecords();
        SpfRecord.Parse first = records.parse("spf.protection.outlook.com", MICROSOFT);
        SpfRecord.Parse again = records.parse("contoso.com", MICROSOFT);

        assertThat(records.parsed()).isEqualTo(1);
        assertThat(again).isEqualTo(first).isEqualTo(SpfRecord.parse("spf.protection.outlook.com", MICROSOFT));
        assertThat(again.record().orElseThrow().mechanisms()).hasSize(3);
    }

    @Test
    void aTextWithAProblemIsParsedEachTimeAndNamesTheDomainAsking() {
        SpfRecords records = new SpfRecords();
        String broken = "v=spf1 include: -all";
        SpfRecord.Parse contoso = records.parse("contoso.com", broken);
        SpfRecord.Parse fabrikam = records.parse("fabrikam.com", broken);

        assertThat(records.parsed()).isEqualTo(2);
        assertThat(contoso.problem().orElseThrow().args()).contains("contoso.com");
        assertThat(fabrikam.problem().orElseThrow().args()).contains("fabrikam.com").doesNotContain("contoso.com");
    }

    @Test
    void theLeastRecentlyUsedRecordLeavesWhenFull() {
        SpfRecords records = new SpfRecords(2);
        records.parse("a.example", "v=spf1 a -all");
        records.parse("b.example", "v=spf1 mx -all");
        records.parse("a.example", "v=spf1 a -all"); // used again: b is now the eldest
        records.parse("c.example", "v=spf1 ip4:192.0.2.1 -all");
        assertThat(records.parsed()).isEqualTo(3);

        records.parse("a.example", "v=spf1 a -all");
        assertThat(records.parsed()).as("a stayed").isEqualTo(3);
        records.parse("b.example", "v=spf1 mx -all");
        assertThat(records.parsed()).as("b had left").isEqualTo(4);
        assertThatThrownBy(() -> new SpfRecords(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
