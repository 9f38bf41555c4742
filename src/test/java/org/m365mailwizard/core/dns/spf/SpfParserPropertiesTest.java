// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Whatever a zone publishes, the SPF record and macro parsers answer (a parse or a refusal) in
 * bounded time and never throw. Records are built from SPF's own pieces so the search reaches deep
 * into the grammar, plus plain random text.
 */
class SpfParserPropertiesTest {

    private static final List<String> PIECES = List.of("v=spf1", " ", "  ", "include:", "a", "mx", "ptr", "exists:",
            "ip4:", "ip6:", "redirect=", "exp=", "all", "-", "~", "?", "+", "%{d}", "%{ir}", "%{l1r+-=_/.,}",
            "%{o999999999999r}", "%{", "}", "%%", "%_", "%-", "%", ":", "/", "//", "/24", "/129", "1.2.3.4", "::1",
            "contoso.com", ".", "..", "=", "\u001b[31m", "\u202e", "\u0000", "é", "x".repeat(300), "unknown=v");

    @Provide
    Arbitrary<String> records() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void anyRecordParsesOrIsRefusedInBoundedTime(@ForAll("records") String record) {
        SpfRecord.Parse parse = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> SpfParser.parse("contoso.com", record));
        assertThat(parse).isNotNull();
    }

    @Property(tries = 300)
    void anyTextAtAllParsesOrIsRefused(@ForAll String text) {
        assertThat(SpfParser.parse("contoso.com", text)).isNotNull();
        assertThat(SpfParser.parse("contoso.com", "v=spf1 " + text)).isNotNull();
    }

    @Property(tries = 400)
    void anyMacroStringParsesOrIsNullNeverThrows(@ForAll("records") String text, @ForAll boolean explanation) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SpfMacro.parse(text, explanation));
    }
}
