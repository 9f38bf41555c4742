// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** The settings' DNS server rule and the help of each step (links per cloud, texts in both languages). */
class SettingsAndHelpTest {

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            1.1.1.1
            192.0.2.53:5353
            [2001:db8::53]:53
            2001:db8::53
            ''
            '   '
            """)
    void anAddressOrNothingIsAServer(String text) {
        assertThat(SettingsDialog.serverProblem(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            dns.google              | settings.dnsServer.notAddress
            1.1.1.1:99999           |
            1.1.1.1:0               |
            1.1.1.1/32              | settings.dnsServer.notAddress
            https://1.1.1.1         | settings.dnsServer.notAddress
            """)
    void aNameOrAWrongAddressIsRefusedWithTheReason(String text, String key) {
        Optional<Message> problem = SettingsDialog.serverProblem(text);
        assertThat(problem).isPresent();
        if (key != null) {
            assertThat(problem.get().key()).isEqualTo(key);
        }
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void everyStepLinksMicrosoftsDocumentationForEveryCloud(Cloud cloud) {
        for (String step : StepCatalog.STEP_IDS) {
            Optional<URI> link = HelpLinks.forStep(step, cloud);
            assertThat(link).as(step).hasValueSatisfying(uri -> {
                assertThat(uri.getScheme()).isEqualTo("https");
                assertThat(uri.getHost()).isEqualTo("learn.microsoft.com");
            });
        }
        assertThat(HelpLinks.forStep("summary", cloud)).isEmpty();
    }

    @Test
    void sovereignCloudsGetTheirOwnPages() {
        assertThat(HelpLinks.forStep("dns", Cloud.USGOV)).isNotEqualTo(HelpLinks.forStep("dns", Cloud.GLOBAL));
        assertThat(HelpLinks.forStep("app", Cloud.CHINA).orElseThrow().getPath()).contains("national-cloud");
    }

    @Test
    void everyStepHasItsPortalScreenAndItsCommonMistakeInBothLanguages() {
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            for (String step : StepCatalog.STEP_IDS) {
                for (String part : new String[] {"portal", "mistake", "docs"}) {
                    String key = "help.step." + step + "." + part;
                    assertThat(texts.has(key)).as(language + " " + key).isTrue();
                    assertThat(texts.get(key)).as(language + " " + key).isNotBlank().doesNotContain("{");
                }
            }
        }
    }
}
