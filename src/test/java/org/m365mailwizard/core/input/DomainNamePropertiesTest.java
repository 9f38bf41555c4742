// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Plain host labels skip {@link IDN}; whatever the name, the result must be the one the JDK's IDNA
 * (STD3 rules) gives: the same ASCII and Unicode forms when accepted, a refusal when IDN refuses a label.
 */
class DomainNamePropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                .withChars('-').ofMinLength(1).ofMaxLength(70);
        Arbitrary<String> odd = Arbitraries.of("xn--fsqu00a", "XN--FSQU00A", "xn--", "xn--zz", "例子", "ü", "a_b", "-a",
                "a-", "1", "123", "a b", "x".repeat(63), "y".repeat(64), "com", "cn");
        Arbitrary<String> label = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(1, odd));
        return label.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
    }

    @Property(tries = 3000)
    void agreesWithTheJdksIdna(@ForAll("names") String input) {
        DomainName.Result result = DomainName.parse(input);
        String idnAscii;
        try {
            idnAscii = IDN.toASCII(input, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException refused) {
            assertThat(result).as(input).isInstanceOf(DomainName.Invalid.class);
            return;
        }
        if (result instanceof DomainName.Valid valid) {
            assertThat(valid.name().ascii()).as(input).isEqualTo(idnAscii);
            assertThat(valid.name().unicode()).as(input).isEqualTo(IDN.toUnicode(idnAscii, IDN.USE_STD3_ASCII_RULES));
        } else {
            // Refused although IDNA takes it: only for the rules IDNA does not have (one label, a
            // numeric top-level label, a whole name over 253 characters, a hyphen at a label's end).
            boolean hyphenAtEnd = java.util.Arrays.stream(input.split("\\.", -1))
                    .anyMatch(l -> l.startsWith("-") || l.endsWith("-"));
            String tld = idnAscii.substring(idnAscii.lastIndexOf('.') + 1);
            assertThat(!idnAscii.contains(".") || tld.chars().allMatch(Character::isDigit) || idnAscii.length() > 253
                    || hyphenAtEnd || idnAscii.isEmpty()).as(input).isTrue();
        }
    }
}
