// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** The summary says who reads the exported file, and whether it can work in the setup's cloud, before it is saved. */
class SummaryReadByTest {

    private final WizardModel model = new WizardModel();
    private final SummaryViewModel vm = new SummaryViewModel(model,
            Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void withoutAChosenFormatItIsTheOneThatSuitsTheStep1Plugin() {
        model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);

        ExportService.BeforeSaving said = vm.readBy();

        assertThat(said.target()).isEqualTo(ExportTarget.WP_MAIL_SMTP);
        assertThat(said.readBy().key()).isEqualTo("export.readBy.wp-mail-smtp");
        assertThat(said.refusal()).isNull();
        assertThat(new Texts(Language.ENGLISH).format(said.readBy())).contains("WP Mail SMTP Pro (paid)", "4.8");
        assertThat(new Texts(Language.SIMPLIFIED_CHINESE).format(said.readBy())).contains("WP Mail SMTP Pro（付费）");
    }

    @Test
    void theFormatChosenOnTheExportStepWinsAndAChangeRedrawsThePage() {
        model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
        model.exportTargetProperty().set(ExportTarget.SYMFONY);

        assertThat(vm.readBy().readBy().key()).isEqualTo("export.readBy.symfony");
        assertThat(vm.dependencies()).contains(model.exportTargetProperty(), model.targetProperty(), model.cloudProperty());
    }

    @Test
    void aTargetThatCannotReachTheCloudSaysWhyAndWhatWorks() {
        model.targetProperty().set(PluginTarget.FLUENTSMTP);
        model.cloudProperty().set(Cloud.USGOV);

        ExportService.BeforeSaving said = vm.readBy();

        assertThat(said.readBy().key()).isEqualTo("export.readBy.fluentsmtp");
        assertThat(said.refusal().key()).isEqualTo("export.error.cloud.worldwideOnly");
        assertThat(new Texts(Language.ENGLISH).format(said.refusal())).contains("wpo365", "symfony");
        assertThat(new Texts(Language.SIMPLIFIED_CHINESE).format(said.refusal())).contains("usgov");

        model.targetProperty().set(PluginTarget.WPO365);
        assertThat(vm.readBy().refusal()).as("WPO365 reaches GCC High").isNull();
        model.cloudProperty().set(Cloud.USGOV_DOD);
        assertThat(vm.readBy().refusal().key()).isEqualTo("export.error.cloud.wpo365");
    }

    @Test
    void everyTargetHasWordsInBothLanguages() {
        for (ExportTarget target : ExportTarget.values()) {
            ExportService.BeforeSaving said = ExportService.beforeSaving(target, Cloud.GLOBAL);
            assertThat(said.refusal()).isNull();
            for (Language language : Language.values()) {
                String words = new Texts(language).format(said.readBy());
                assertThat(words).as("%s in %s", target, language).isNotBlank().doesNotContain("export.readBy");
            }
        }
    }
}
