// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupAndQuotesCannotEscapeTheirContext() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void controlCharactersBecomeReplacementButLineBreaksStay() {
        assertThat(Html.escape("a\u0000b\u001Fc\td\ne\rf")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\rf");
    }

    @Test
    void textWithoutSpecialCharactersIsUnchanged() {
        assertThat(Html.escape("例子.cn selector1-contoso-com")).isEqualTo("例子.cn selector1-contoso-com");
    }
}
