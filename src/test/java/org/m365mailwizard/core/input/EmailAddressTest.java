// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            wordpress@contoso.com        | wordpress@contoso.com
            '  No.Reply@Contoso.COM  '   | No.Reply@contoso.com
            first.last+site@contoso.com  | first.last+site@contoso.com
            o'brien@contoso.com          | o'brien@contoso.com
            mail@例子.cn                  | mail@xn--fsqu00a.cn
            """)
    void acceptsAndNormalisesTheDomain(String input, String ascii) {
        assertThat(EmailAddress.parse(input)).isInstanceOfSatisfying(EmailAddress.Valid.class,
                v -> assertThat(v.address().ascii()).isEqualTo(ascii));
    }

    @Test
    void showsTheUnicodeDomainToPeople() {
        EmailAddress address = ((EmailAddress.Valid) EmailAddress.parse("mail@xn--fsqu00a.cn")).address();
        assertThat(address.unicode()).isEqualTo("mail@例子.cn");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                               | input.email.empty
            '  '                               | input.email.empty
            WordPress <wp@contoso.com>         | input.email.withName
            mailto:wp@contoso.com              | input.email.mailto
            'wp @contoso.com'                  | input.email.whitespace
            wordpress                          | input.email.noAt
            contoso.com                        | input.email.noAt
            a@b@contoso.com                    | input.email.manyAt
            @contoso.com                       | input.email.noLocalPart
            wp@                                | input.email.noDomain
            wp@contoso                         | input.email.badDomain
            wp@contoso..com                    | input.email.badDomain
            wp@-contoso.com                    | input.email.badDomain
            wp@192.168.0.1                     | input.email.badDomain
            '"wp"@contoso.com'                 | input.email.quoted
            wp(comment)@contoso.com            | input.email.localCharacters
            wp,site@contoso.com                | input.email.localCharacters
            邮件@contoso.com                    | input.email.localCharacters
            .wp@contoso.com                    | input.email.dots
            wp.@contoso.com                    | input.email.dots
            w..p@contoso.com                   | input.email.dots
            """)
    void refusesWithTheReason(String input, String key) {
        assertThat(EmailAddress.parse(input)).isInstanceOfSatisfying(EmailAddress.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo(key));
    }

    @Test
    void refusesOverlongParts() {
        assertThat(EmailAddress.parse("a".repeat(65) + "@contoso.com")).isInstanceOfSatisfying(
                EmailAddress.Invalid.class, i -> assertThat(i.reason().key()).isEqualTo("input.email.localTooLong"));
        String longDomain = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(57)) + ".com";
        assertThat(EmailAddress.parse("abcdefghij@" + longDomain)).isInstanceOfSatisfying(
                EmailAddress.Invalid.class, i -> assertThat(i.reason().key()).isEqualTo("input.email.tooLong"));
    }

    @Test
    void warnsWhenTheSenderIsOutsideTheDomain() {
        DomainName contoso = ((DomainName.Valid) DomainName.parse("contoso.com")).name();
        EmailAddress inside = ((EmailAddress.Valid) EmailAddress.parse("wp@contoso.com")).address();
        EmailAddress sub = ((EmailAddress.Valid) EmailAddress.parse("wp@mail.contoso.com")).address();
        EmailAddress other = ((EmailAddress.Valid) EmailAddress.parse("wp@fabrikam.com")).address();
        assertThat(inside.warningOutside(contoso)).isEmpty();
        assertThat(sub.warningOutside(contoso)).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo("input.email.otherDomain");
            assertThat(m.args()).containsExactly("mail.contoso.com", "contoso.com");
        });
        assertThat(other.warningOutside(contoso)).isPresent();
    }
}
