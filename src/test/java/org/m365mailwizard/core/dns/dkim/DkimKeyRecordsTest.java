// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DKIM keys parsed once per text, for a batch: the same result as a fresh parse, kept within its capacity. */
class DkimKeyRecordsTest {

    private static String key;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    @Test
    void theSameTextIsParsedOnceAndGivesWhatAFreshParseGives() {
        DkimKeyRecords records = new DkimKeyRecords();

        DkimKeyParseResult first = records.parseRecords(List.of(key));
        DkimKeyParseResult second = records.parseRecords(List.of(key));

        assertThat(first.isUsable()).isTrue();
        assertThat(second).isEqualTo(first).isEqualTo(DkimKeyRecord.parseRecords(List.of(key)));
        assertThat(records.parsed()).isEqualTo(1);
    }

    @Test
    void aBrokenTextKeepsItsProblemsWhenKept() {
        DkimKeyRecords records = new DkimKeyRecords();
        List<String> broken = List.of("v=DKIM1\\; k=rsa\\; p=MIIBIjANBgkq");

        DkimKeyParseResult first = records.parseRecords(broken);
        DkimKeyParseResult again = records.parseRecords(broken);

        assertThat(first.errors()).isNotEmpty();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void atMostCapacityTextsAreKeptTheLeastRecentlyUsedLeavingFirst() {
        DkimKeyRecords records = new DkimKeyRecords(2);
        records.parseRecords(List.of(key));
        records.parseRecords(List.of("v=DKIM1; p="));
        records.parseRecords(List.of(key)); // used again: the revoked one is now the eldest
        records.parseRecords(List.of("v=DKIM1; k=ed25519; p="));
        assertThat(records.parsed()).isEqualTo(3);

        records.parseRecords(List.of(key));
        assertThat(records.parsed()).as("still kept").isEqualTo(3);
        records.parseRecords(List.of("v=DKIM1; p="));
        assertThat(records.parsed()).as("evicted, parsed again").isEqualTo(4);
    }
}
