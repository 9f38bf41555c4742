// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.export.report.ReportFormat;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** The Export step's logic without a toolkit: same-thread tasks, the shared model, real files. */
class ExportStepViewModelTest {

    @TempDir
    Path dir;

    private final WizardModel model = ExportStepFixtures.model();
    private ExportStepViewModel viewModel() {
        return ExportStepFixtures.viewModel(model, FxTasks.sameThread(), dir.resolve("reports"));
    }

    @Test
    void theTargetDefaultsToThePluginChosenInStepOneAndFollowsItUntilTheUserPicks() {
        ExportStepViewModel vm = viewModel();
        assertThat(vm.targetProperty().get()).isEqualTo(ExportTarget.WP_MAIL_SMTP);

        model.targetProperty().set(PluginTarget.FLUENTSMTP);
        vm.entered();
        assertThat(vm.targetProperty().get()).isEqualTo(ExportTarget.FLUENTSMTP);

        vm.targetProperty().set(ExportTarget.ENV);
        model.targetProperty().set(PluginTarget.WPO365);
        vm.entered();
        assertThat(vm.targetProperty().get()).isEqualTo(ExportTarget.ENV);
    }

    @Test
    void thePreviewNeverShowsTheSecretButShowsWhereItGoes() {
        ExportStepViewModel vm = viewModel();
        assertThat(vm.previewProperty().get()).contains("define( 'WPMS_ON', true );")
                .contains("PASTE-THE-CLIENT-SECRET-VALUE-HERE").doesNotContain(ExportStepFixtures.SECRET);
        // Before saving, the step says who reads the file (edition, version) and the multi-tenant rule.
        assertThat(vm.previewNoteProperty().get()).contains("WP Mail SMTP Pro (paid)", "AADSTS50194")
                .doesNotContain("hidden in this preview");

        vm.includeSecretProperty().set(true);
        assertThat(vm.previewProperty().get()).doesNotContain(ExportStepFixtures.SECRET)
                .contains("define( 'WPMS_OUTLOOK_CLIENT_SECRET', '" + ExportStepViewModel.SECRET_MASK + "' );");
        assertThat(vm.previewNoteProperty().get()).contains("hidden in this preview");
    }

    @Test
    void copyGivesTheRealFileWithTheSecretOnlyWhenIncluded() {
        ExportStepViewModel vm = viewModel();
        assertThat(vm.content()).get().asString().doesNotContain(ExportStepFixtures.SECRET);
        vm.includeSecretProperty().set(true);
        assertThat(vm.content()).get().asString().contains("'" + ExportStepFixtures.SECRET + "'");
    }

    @Test
    void withoutASecretTheCheckboxIsUnavailableAndCleared() {
        ExportStepViewModel vm = viewModel();
        vm.includeSecretProperty().set(true);
        model.clientSecretProperty().set("");
        vm.entered();
        assertThat(vm.secretAvailableProperty().get()).isFalse();
        assertThat(vm.includeSecretProperty().get()).isFalse();
        assertThat(vm.exportableProperty().get()).isTrue();
    }

    @Test
    void aMissingValueIsExplainedAndBlocksExport() {
        model.clientIdProperty().set("  ");
        ExportStepViewModel vm = viewModel();
        assertThat(vm.exportableProperty().get()).isFalse();
        assertThat(vm.previewProperty().get()).isEmpty();
        assertThat(vm.previewNoteProperty().get()).contains("needs the value \"clientId\"");
    }

    @Test
    void savingWithTheSecretWritesAnOwnerOnlyFileAndSaysSo() throws Exception {
        ExportStepViewModel vm = viewModel();
        vm.includeSecretProperty().set(true);
        Path out = dir.resolve("wp-mail-smtp-m365.php");

        vm.save(out);

        assertThat(Files.readString(out)).contains(ExportStepFixtures.SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved " + out + ", readable by you only (it holds the client secret).");
        assertThat(vm.statusIsErrorProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void savingWithoutTheSecretWritesNoSecret() throws Exception {
        ExportStepViewModel vm = viewModel();
        vm.targetProperty().set(ExportTarget.ENV);
        Path out = dir.resolve("m365.env");
        vm.save(out);
        assertThat(Files.readString(out)).doesNotContain(ExportStepFixtures.SECRET).contains("M365_SENDER='noreply@contoso.com'");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved " + out + ".");
    }

    @Test
    void anUnwritablePlaceIsReportedAndNothingIsLost() throws Exception {
        ExportStepViewModel vm = viewModel();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        vm.save(notAFolder.resolve("out.php"));
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("cannot be written");
        assertThat(vm.previewProperty().get()).contains("WPMS_ON");
    }

    @Test
    void theReportHoldsEveryStepsChecksAndOpensWithoutTheSecret() throws Exception {
        ExportStepViewModel vm = viewModel();
        List<Path> opened = new ArrayList<>();
        vm.openReport(opened::add);

        assertThat(opened).containsExactly(dir.resolve("reports").resolve("setup-report-2026-03-01.html"));
        String html = Files.readString(opened.get(0));
        assertThat(html).contains("SPF lacks Microsoft 365.").contains("sent: Accepted by Graph (202).")
                .contains("contoso.com").doesNotContain(ExportStepFixtures.SECRET);

        Path md = dir.resolve("report.md");
        vm.saveReport(md, ReportFormat.MARKDOWN, p -> { });
        assertThat(Files.readString(md)).startsWith("# Microsoft 365 mail setup report");
    }

    @Test
    void theReportFormatFollowsTheChosenExtension() {
        assertThat(ExportStepController.formatOf(Path.of("r.MD"))).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ExportStepController.formatOf(Path.of("r.html"))).isEqualTo(ReportFormat.HTML);
        assertThat(ExportStepController.formatOf(Path.of("report"))).isEqualTo(ReportFormat.HTML);
    }
}
