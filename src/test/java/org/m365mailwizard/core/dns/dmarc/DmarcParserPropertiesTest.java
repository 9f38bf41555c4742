// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any DMARC text, real-looking or not, gives a parse result and never an exception. */
class DmarcParserPropertiesTest {

    private static final List<String> PIECES = List.of("v=DMARC1", "V=dmarc1", ";", " ", "p=", "sp=", "none", "reject",
            "quarantine", "pct=", "9999999999999999", "-1", "100", "rua=", "ruf=", "mailto:", "a@b.example", ",", "!",
            "10m", "adkim=", "aspf=", "r", "s", "fo=", "0:1:d:s", "ri=", "=", "\u001b[2J", "\n", "\u0000", "é", "%");

    @Provide
    Arbitrary<String> records() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void anyRecordGivesAResult(@ForAll("records") String record) {
        assertThat(DmarcParser.parse(record)).isNotNull();
        assertThat(DmarcParser.parseRecords(List.of(record, "v=DMARC1; p=none"))).isNotNull();
    }

    @Property(tries = 300)
    void anyTextGivesAResult(@ForAll String text) {
        assertThat(DmarcParser.parse(text)).isNotNull();
        assertThat(DmarcParser.parse("v=DMARC1; " + text)).isNotNull();
    }
}
