// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The macro language against the examples of RFC 7208 §7.4, and its syntax errors. */
class SpfMacroTest {

    private static SpfMacro.Context context(String ip) {
        InetAddress address = InetAddresses.forString(ip);
        return new SpfMacro.Context("strong-bad@email.example.com", "strong-bad", "email.example.com",
                "email.example.com", address, "mx.example.org", "receiver.example.net", 1_700_000_000L, null);
    }

    private static String expand(String macro, String ip) {
        List<SpfMacro.Token> tokens = SpfMacro.parse(macro, true);
        assertThat(tokens).as(macro).isNotNull();
        return SpfMacro.expand(tokens, context(ip));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            %{s}                              | strong-bad@email.example.com
            %{o}                              | email.example.com
            %{d}                              | email.example.com
            %{d4}                             | email.example.com
            %{d3}                             | email.example.com
            %{d2}                             | example.com
            %{d1}                             | com
            %{dr}                             | com.example.email
            %{d2r}                            | example.email
            %{l}                              | strong-bad
            %{l-}                             | strong.bad
            %{lr}                             | strong-bad
            %{lr-}                            | bad.strong
            %{l1r-}                           | strong
            %{ir}.%{v}._spf.%{d2}             | 3.2.0.192.in-addr._spf.example.com
            %{lr-}.lp._spf.%{d2}              | bad.strong.lp._spf.example.com
            %{lr-}.lp.%{ir}.%{v}._spf.%{d2}   | bad.strong.lp.3.2.0.192.in-addr._spf.example.com
            %{ir}.%{v}.%{l1r-}.lp._spf.%{d2}  | 3.2.0.192.in-addr.strong.lp._spf.example.com
            %{d2}.trusted-domains.example.net | example.com.trusted-domains.example.net
            %{c} from %{h} to %{r} at %{t}    | 192.0.2.3 from mx.example.org to receiver.example.net at 1700000000
            %%%_%-%{L}                        | % %20strong-bad
            %{S}                              | strong-bad%40email.example.com
            """)
    void rfc7208Examples(String macro, String expected) {
        assertThat(expand(macro, "192.0.2.3")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            %{ir}.%{v}._spf.%{d2} | 1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com
            %{c}                  | 2001:db8::cb01
            """)
    void rfc7208Ipv6Examples(String macro, String expected) {
        assertThat(expand(macro, "2001:db8::cb01")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%x", "%{", "%{x}", "%{d0}", "%{d1234}", "%{dq}", "%{d!}", "%(d)", "a b", "caf\u00e9"})
    void invalidMacroStrings(String text) {
        assertThat(SpfMacro.parse(text, false)).as(text).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%{c}.example.com", "%{r}.example.com", "%{t}.example.com"})
    void explanationOnlyLettersAreInvalidInDomainSpecs(String text) {
        assertThat(SpfMacro.isDomainSpec(text)).isFalse();
        assertThat(SpfMacro.parse(text, true)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"example.com,true", "foo.example.xn--zckzah,true", "%{d},true", "_spf.%{d2},true", "a.b%%,true",
            "example,false", "example.,false", "abc.123,false", "example.-com,false", "foo.com/24,false",
            "'',false", "example.com.,true"})
    void domainSpecEnding(String text, boolean valid) {
        assertThat(SpfMacro.isDomainSpec(text)).as(text).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"Example.COM.,example.com", "a..example.com,", "'',"})
    void queryDomains(String expanded, String query) {
        assertThat(SpfMacro.toQueryDomain(expanded)).isEqualTo(query);
    }

    @org.junit.jupiter.api.Test
    void overLongNamesLoseLabelsOnTheLeft() {
        String longName = "x".repeat(60) + "." + "y".repeat(60) + "." + "z".repeat(60) + "." + "w".repeat(60) + ".example.com";
        String query = SpfMacro.toQueryDomain(longName);
        assertThat(query).isEqualTo("y".repeat(60) + "." + "z".repeat(60) + "." + "w".repeat(60) + ".example.com");
        assertThat(query.length()).isLessThanOrEqualTo(253);
    }
}
