// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The domain and e-mail address parsers take any text: a value or a reason, never an exception, and
 * a value read again from its own ASCII form is the same value.
 */
class AddressPropertiesTest {

    private static final List<String> PIECES = List.of("contoso", "com", ".", "..", "-", "_", "xn--", "xn--bcher-kva",
            "bücher", "ｇｏｏｄ", "@", "\"", " ", "1", "255", "[", "]", "a".repeat(64), "\u001b", "\u202e", "\n", "*",
            "https://", "/", "é", "\uD83D\uDE00");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES).list().ofMaxSize(12).map(p -> String.join("", p)),
                Arbitraries.strings().ofMaxLength(300));
    }

    @Property(tries = 500)
    void aDomainNameIsAValueOrAReasonAndItsAsciiFormReadsBackTheSame(@ForAll("names") String input) {
        DomainName.Result result = DomainName.parse(input);
        assertThat(result).isNotNull();
        if (result instanceof DomainName.Valid valid) {
            DomainName again = ((DomainName.Valid) DomainName.parse(valid.name().ascii())).name();
            assertThat(again.ascii()).isEqualTo(valid.name().ascii());
            assertThat(valid.name().ascii()).hasSizeLessThanOrEqualTo(253).matches("[a-z0-9.-]+");
        } else {
            assertThat(((DomainName.Invalid) result).reason().key()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void anEmailAddressIsAValueOrAReasonAndReadsBackTheSame(@ForAll("names") String local, @ForAll("names") String domain) {
        EmailAddress.Result result = EmailAddress.parse(local + "@" + domain);
        assertThat(result).isNotNull();
        if (result instanceof EmailAddress.Valid valid) {
            EmailAddress.Result again = EmailAddress.parse(valid.address().ascii());
            assertThat(again).isInstanceOf(EmailAddress.Valid.class);
            assertThat(((EmailAddress.Valid) again).address().ascii()).isEqualTo(valid.address().ascii());
        }
        assertThat(EmailAddress.parse(local)).isNotNull();
    }
}
