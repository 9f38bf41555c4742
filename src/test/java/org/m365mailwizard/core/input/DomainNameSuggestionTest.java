// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A web or mail address typed where a domain belongs: the domain it names is offered, nothing else. */
class DomainNameSuggestionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.zblogs.top/                 | zblogs.top
            http://zblogs.top                       | zblogs.top
            HTTPS://WWW.Zblogs.Top:8443/wp-admin/   | zblogs.top
            https://shop.zblogs.top/blog?x=1#top    | shop.zblogs.top
            https://user@www.zblogs.top/            | zblogs.top
            me@zblogs.top                           | zblogs.top
            ' me@Zblogs.top '                       | zblogs.top
            mailto:me@zblogs.top                    | zblogs.top
            Site <site@zblogs.top>                  | zblogs.top
            zblogs.top/wp-admin                     | zblogs.top
            https://例子.cn/                         | xn--fsqu00a.cn
            """)
    void anAddressThatNamesADomainOffersIt(String input, String ascii) {
        assertThat(DomainName.suggestionFor(input)).hasValueSatisfying(d -> assertThat(d.ascii()).isEqualTo(ascii));
    }

    @ParameterizedTest(name = "[{0}] offers nothing")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            zblogs.top
            www.zblogs.top
            https://
            me@
            https://localhost/
            https://192.168.1.10/
            me@gmail.com
            https://mail.qq.com/
            https://outlook.com/owa
            'not a domain at all'
            """)
    void aDomainOrAnAddressWithoutAUsableDomainOffersNothing(String input) {
        assertThat(DomainName.suggestionFor(input)).isEmpty();
    }
}
