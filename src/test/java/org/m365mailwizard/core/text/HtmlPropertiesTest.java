// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever text arrives, the escaped form holds no markup and no character XML forbids. */
class HtmlPropertiesTest {

    @Property
    void escapedTextHasNoMarkupOrForbiddenControls(@ForAll String anyText) {
        String escaped = Html.escape(anyText);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')).isEmpty();
    }

    @Property
    void unescapingGivesBackTheTextWhenItHadNoForbiddenControls(@ForAll String anyText) {
        String clean = anyText.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
        String back = Html.escape(clean).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");

        assertThat(back).isEqualTo(clean);
    }
}
