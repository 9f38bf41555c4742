// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code orSelf} skips the Public Suffix List for names of two labels; it must give what the list gives
 * ({@code of(d).orElse(d)}) for every name, listed suffixes, wildcard rules and odd spellings included.
 */
class OrganizationalDomainPropertiesTest {

    /** Labels the list knows in every way: ICANN suffixes, private-section suffixes, a wildcard rule (*.ck), an exception (www.ck). */
    private static final List<String> LABELS = List.of("com", "uk", "co", "io", "github", "ck", "www", "blogspot",
            "appspot", "cn", "example", "contoso", "invalidtld", "xn--p1ai", "a", "m365-00001", "x1", "-bad", "b_c");

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.of(LABELS),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
        return Arbitraries.oneOf(name, name.map(String::toUpperCase), name.map(n -> n + "."), name.map(n -> " " + n),
                Arbitraries.of("", ".", "a.", ".com", "a..b"));
    }

    @Property(tries = 2000)
    void twoLabelShortcutAgreesWithTheList(@ForAll("names") String domain) {
        assertThat(OrganizationalDomain.orSelf(domain)).isEqualTo(OrganizationalDomain.of(domain).orElse(domain));
    }

    @Property(tries = 2000)
    void sameOrganisationAgreesWithTheList(@ForAll("names") String a, @ForAll("names") String b) {
        boolean expected = OrganizationalDomain.of(a).isPresent() && OrganizationalDomain.of(a).equals(OrganizationalDomain.of(b));
        assertThat(OrganizationalDomain.same(a, b)).as(a + " / " + b).isEqualTo(expected);
        String child = "reports." + a;
        boolean childExpected = OrganizationalDomain.of(a).isPresent()
                && OrganizationalDomain.of(a).equals(OrganizationalDomain.of(child));
        assertThat(OrganizationalDomain.same(a, child)).as(a + " / " + child).isEqualTo(childExpected);
    }

    @Example
    void listedSuffixesAndTheirChildren() {
        for (String domain : List.of("github.io", "user.github.io", "co.uk", "contoso.co.uk", "a.b.contoso.co.uk",
                "test.ck", "www.ck", "a.www.ck", "contoso.com", "mail.contoso.com", "Contoso.COM", "contoso.com.")) {
            assertThat(OrganizationalDomain.orSelf(domain)).as(domain)
                    .isEqualTo(OrganizationalDomain.of(domain).orElse(domain));
        }
        assertThat(OrganizationalDomain.orSelf("mail.contoso.co.uk")).isEqualTo("contoso.co.uk");
        assertThat(OrganizationalDomain.orSelf("github.io")).isEqualTo("github.io");
    }
}
