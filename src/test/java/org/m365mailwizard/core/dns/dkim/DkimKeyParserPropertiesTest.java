// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any DKIM key record, with any bytes as its key, gives a parse result and never an exception. */
class DkimKeyParserPropertiesTest {

    private static final List<String> PIECES = List.of("v=DKIM1", ";", " ", "k=", "rsa", "ed25519", "h=", "sha256",
            "sha1:md5", "t=", "y", "s", "x=", "p=", "=", "MIIB", "\u001b", "\u0000", "é", "==");

    @Provide
    Arbitrary<String> records() {
        Arbitrary<String> key = Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                .map(b -> "p=" + Base64.getEncoder().encodeToString(b));
        return Arbitraries.oneOf(Arbitraries.of(PIECES), key).list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void anyRecordGivesAResult(@ForAll("records") String record) {
        assertThat(DkimKeyParser.parse(record)).isNotNull();
        assertThat(DkimKeyParser.parseRecords(List.of(record))).isNotNull();
    }

    @Property(tries = 200)
    void anyTextGivesAResult(@ForAll String text) {
        assertThat(DkimKeyParser.parse(text)).isNotNull();
    }
}
