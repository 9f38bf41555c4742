// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Every step's documentation link, in every language and cloud, reads as one sentence: no parentheses
 * inside parentheses ("(Worldwide (Microsoft 365))", issue 14's trial R17), in ASCII or full-width form.
 */
class HelpLinkTextTest {

    @Test
    void noDocumentationLinkNestsParentheses() {
        List<String> links = new ArrayList<>();
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            for (String step : SummaryViewModel.STEPS) {
                String docs = "help.step." + step + ".docs";
                if (!texts.has(docs)) {
                    continue;
                }
                for (Cloud cloud : Cloud.values()) {
                    links.add(texts.get("help.docs", texts.get(docs), texts.get("domain.cloud." + cloud.id())));
                }
            }
        }
        assertThat(links).hasSizeGreaterThanOrEqualTo(2 * Cloud.values().length);
        assertThat(links).allSatisfy(link -> assertThat(depth(link)).as(link).isLessThanOrEqualTo(1));
    }

    private static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '\uFF08') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == '\uFF09') {
                depth--;
            }
        }
        return deepest;
    }
}
