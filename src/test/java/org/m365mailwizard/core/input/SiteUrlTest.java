// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://contoso.com                | https://contoso.com
            '  HTTPS://WWW.Contoso.com/  '     | https://www.contoso.com
            https://contoso.com/blog/          | https://contoso.com/blog
            https://contoso.com:8443/wp        | https://contoso.com:8443/wp
            https://contoso.com:443            | https://contoso.com
            https://例子.cn/                    | https://xn--fsqu00a.cn
            https://contoso.com/my%20blog      | https://contoso.com/my%20blog
            https://contoso.com/博客            | https://contoso.com/%E5%8D%9A%E5%AE%A2
            """)
    void acceptsAndNormalises(String input, String expected) {
        assertThat(SiteUrl.parse(input)).isInstanceOfSatisfying(SiteUrl.Valid.class,
                v -> assertThat(v.url().toString()).isEqualTo(expected));
    }

    @Test
    void httpIsRefusedWithTheHttpsAddressAsFix() {
        assertThat(SiteUrl.parse("http://contoso.com/blog")).isInstanceOfSatisfying(SiteUrl.Invalid.class, i -> {
            assertThat(i.reason().key()).isEqualTo("input.siteUrl.http");
            assertThat(i.reason().args()).containsExactly("https://contoso.com/blog");
        });
    }

    @Test
    void aMissingSchemeSuggestsHttps() {
        assertThat(SiteUrl.parse("www.contoso.com")).isInstanceOfSatisfying(SiteUrl.Invalid.class, i -> {
            assertThat(i.reason().key()).isEqualTo("input.siteUrl.noScheme");
            assertThat(i.reason().args()).containsExactly("https://www.contoso.com");
        });
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                                | input.siteUrl.empty
            '   '                               | input.siteUrl.empty
            'https://contoso .com'              | input.siteUrl.whitespace
            contoso.com                         | input.siteUrl.noScheme
            HTTP://contoso.com                  | input.siteUrl.http
            ftp://contoso.com                   | input.siteUrl.scheme
            javascript://contoso.com            | input.siteUrl.scheme
            https://contoso.com/?p=1            | input.siteUrl.query
            https://contoso.com#top             | input.siteUrl.query
            https://admin:pw@contoso.com        | input.siteUrl.userInfo
            https://contoso.com:0               | input.siteUrl.port
            https://contoso.com:70000           | input.siteUrl.port
            https://contoso.com:abc             | input.siteUrl.port
            https://contoso.com:                | input.siteUrl.port
            https://                            | input.siteUrl.host
            https://localhost                   | input.siteUrl.host
            https://192.168.1.1                 | input.siteUrl.host
            https://contoso_site.com            | input.siteUrl.host
            https://[::1]/                      | input.siteUrl.host
            https://contoso.com/a<b>            | input.siteUrl.path
            https://contoso.com/100%            | input.siteUrl.path
            """)
    void refusesWithTheReason(String input, String key) {
        assertThat(SiteUrl.parse(input)).isInstanceOfSatisfying(SiteUrl.Invalid.class,
                i -> assertThat(i.reason().key()).isEqualTo(key));
    }
}
