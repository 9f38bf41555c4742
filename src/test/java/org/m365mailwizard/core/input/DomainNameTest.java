// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            contoso.com          | contoso.com
            '  Contoso.COM.  '   | contoso.com
            mail.contoso.co.uk   | mail.contoso.co.uk
            例子.cn               | xn--fsqu00a.cn
            例子。cn              | xn--fsqu00a.cn
            xn--fsqu00a.cn       | xn--fsqu00a.cn
            a-b.example          | a-b.example
            """)
    void acceptsAndNormalises(String input, String ascii) {
        assertThat(DomainName.parse(input)).isInstanceOfSatisfying(DomainName.Valid.class,
                v -> assertThat(v.name().ascii()).isEqualTo(ascii));
    }

    @Test
    void keepsBothFormsOfAnInternationalName() {
        DomainName name = ((DomainName.Valid) DomainName.parse("例子.CN")).name();
        assertThat(name.unicode()).isEqualTo("例子.cn");
        assertThat(name.ascii()).isEqualTo("xn--fsqu00a.cn");
        assertThat(name.isInternationalized()).isTrue();
        assertThat(((DomainName.Valid) DomainName.parse("contoso.com")).name().isInternationalized()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                       | input.domain.empty
            ''                         | input.domain.empty
            '   '                      | input.domain.empty
            https://contoso.com        | input.domain.notHost
            contoso.com/wp-admin       | input.domain.notHost
            admin@contoso.com          | input.domain.notHost
            'conto so.com'             | input.domain.whitespace
            contoso_mail.com           | input.domain.badCharacters
            contoso!.com               | input.domain.badCharacters
            'contoso.com:443'          | input.domain.badCharacters
            contoso..com               | input.domain.emptyLabel
            .contoso.com               | input.domain.emptyLabel
            localhost                  | input.domain.noDot
            contoso                    | input.domain.noDot
            -contoso.com               | input.domain.hyphen
            contoso-.com               | input.domain.hyphen
            192.168.1.10               | input.domain.ipAddress
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com | input.domain.labelTooLong
            """)
    void refusesWithTheReason(String input, String key) {
        assertThat(DomainName.parse(input)).isInstanceOfSatisfying(DomainName.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo(key));
    }

    @Test
    void refusesANameLongerThanDnsAllows() {
        String label = "a".repeat(60);
        String name = String.join(".", label, label, label, label, label) + ".com";
        assertThat(DomainName.parse(name)).isInstanceOfSatisfying(DomainName.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo("input.domain.tooLong"));
    }

    @ParameterizedTest
    @CsvSource({"outlook.com", "Hotmail.com", "live.com.", "msn.com", "outlook.cn"})
    void tenantDomainRefusesConsumerDomains(String input) {
        assertThat(DomainName.parseTenantDomain(input)).isInstanceOfSatisfying(DomainName.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo("input.domain.consumer"));
        assertThat(DomainName.parse(input)).isInstanceOf(DomainName.Valid.class);
    }

    @ParameterizedTest
    @CsvSource({"gmail.com", "GMAIL.com.", "qq.com", "163.com", "126.com", "yahoo.com", "mail.yahoo.com", "icloud.com"})
    void tenantDomainRefusesPublicMailServicesAndTheirSubDomains(String input) {
        assertThat(DomainName.parseTenantDomain(input)).isInstanceOfSatisfying(DomainName.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo("input.domain.publicMail"));
    }

    @ParameterizedTest
    @CsvSource({"contoso.com", "notgmail.com", "gmail.com.example", "myqq.com"})
    void tenantDomainAcceptsNamesThatOnlyLookLikeAPublicService(String input) {
        assertThat(DomainName.parseTenantDomain(input)).isInstanceOf(DomainName.Valid.class);
    }

    @Test
    void tenantDomainAcceptsSubDomainsOfNothingConsumer() {
        assertThat(DomainName.parseTenantDomain("contoso.com")).isInstanceOf(DomainName.Valid.class);
        assertThat(DomainName.parseTenantDomain("outlook.contoso.com")).isInstanceOf(DomainName.Valid.class);
        assertThat(DomainName.parseTenantDomain("bad domain")).isInstanceOfSatisfying(DomainName.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo("input.domain.whitespace"));
    }

    @Test
    void withinMeansSameOrSubDomain() {
        DomainName contoso = ((DomainName.Valid) DomainName.parse("contoso.com")).name();
        DomainName sub = ((DomainName.Valid) DomainName.parse("mail.contoso.com")).name();
        DomainName lookalike = ((DomainName.Valid) DomainName.parse("notcontoso.com")).name();
        assertThat(sub.isWithin(contoso)).isTrue();
        assertThat(contoso.isWithin(contoso)).isTrue();
        assertThat(lookalike.isWithin(contoso)).isFalse();
        assertThat(contoso.isWithin(sub)).isFalse();
    }
}
