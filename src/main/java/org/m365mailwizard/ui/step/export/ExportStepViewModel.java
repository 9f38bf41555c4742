// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.export.ExportedFile;
import org.m365mailwizard.core.export.report.ReportFormat;
import org.m365mailwizard.core.export.report.ReportSection;
import org.m365mailwizard.core.export.report.ReportWriter;
import org.m365mailwizard.core.export.report.SetupReport;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.CheckedFor;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.shell.WizardModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Export step without any Node: which format, whether the secret goes in, the preview (secret
 * masked), and saving the file or the report off the FX thread. Reads the setup from the shared
 * {@link WizardModel}; the secret never reaches the preview, the status line or a log.
 */
public final class ExportStepViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExportStepViewModel.class);

    /** Shown in the preview where the secret will be; the saved and copied file holds the real one. */
    static final String SECRET_MASK = "••••••••••••";

    private final WizardModel model;
    private final ExportService exports;
    private final ReportWriter reports;
    private final FxTasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final Path reportFolder;

    private final ObjectProperty<ExportTarget> target = new SimpleObjectProperty<>();
    private final BooleanProperty includeSecret = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper secretAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> unopenedReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper exportable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextSteps = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private boolean targetChosenByUser;
    private boolean settingTarget;

    /**
     * @param reportFolder where "Open report" writes the HTML report before opening it
     */
    public ExportStepViewModel(WizardModel model, ExportService exports, ReportWriter reports, FxTasks tasks,
                               Texts texts, Clock clock, Path reportFolder) {
        this.model = model;
        this.exports = exports;
        this.reports = reports;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.reportFolder = reportFolder;
        // A format chosen earlier (saved with the setup) stays chosen; otherwise it follows the plugin.
        ExportTarget chosen = model.exportTargetProperty().get();
        targetChosenByUser = chosen != null;
        target.set(chosen != null ? chosen : ExportTarget.forPlugin(model.targetProperty().get()));
        target.addListener((obs, old, now) -> {
            if (!settingTarget) {
                targetChosenByUser = true;
                model.exportTargetProperty().set(now);
            }
            refresh();
        });
        includeSecret.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Re-reads the setup: called when the step is shown, since earlier steps may have changed it. */
    public void entered() {
        ExportTarget chosen = model.exportTargetProperty().get();
        if (chosen != null && chosen != target.get()) {
            // Chosen on another page (the summary's calendar reminder).
            target.set(chosen);
        } else if (!targetChosenByUser) {
            settingTarget = true;
            target.set(ExportTarget.forPlugin(model.targetProperty().get()));
            settingTarget = false;
        }
        refresh();
    }

    private void refresh() {
        boolean hasSecret = !model.clientSecretProperty().get().isBlank();
        secretAvailable.set(hasSecret);
        if (!hasSecret && includeSecret.get()) {
            includeSecret.set(false);
            return;
        }
        MailConfig config = config();
        boolean masked = includeSecret.get();
        try {
            ExportedFile file = exports.render(target.get(), masked ? config.withSecret(SECRET_MASK) : config,
                    masked, suggestedFileName());
            preview.set(file.content());
            // Who reads the file, and what stops it working, is said before the user saves it.
            List<String> notes = new ArrayList<>();
            exports.notices(target.get(), config).forEach(m -> notes.add(texts.format(m)));
            if (masked) {
                notes.add(texts.get("export.step.preview.masked"));
            }
            previewNote.set(String.join("\n", notes));
            nextSteps.set(file.nextSteps().stream().map(texts::format).collect(Collectors.joining("\n")));
            exportable.set(true);
        } catch (ProblemException e) {
            preview.set("");
            previewNote.set(texts.format(e.problem()));
            nextSteps.set("");
            exportable.set(false);
        }
    }

    public String suggestedFileName() {
        return target.get().defaultFileName();
    }

    /** The file exactly as it would be saved (with the secret when included), for "Copy". */
    public Optional<String> content() {
        try {
            return Optional.of(exports.render(target.get(), config(), includeSecret.get(), suggestedFileName()).content());
        } catch (ProblemException e) {
            showProblem(e);
            return Optional.empty();
        }
    }

    public void copied() {
        showStatus(texts.get("export.step.copied"), false);
    }

    /** Writes the file off the FX thread; the save dialog has already confirmed any replacement. */
    public void save(Path path) {
        MailConfig config = config();
        ExportTarget chosen = target.get();
        boolean secret = includeSecret.get();
        CheckedFor written = StepInputs.snapshot("export", model);
        run(() -> exports.export(chosen, config, secret, path, true), file -> {
            model.checkedForProperty("export").set(written);
            model.exportedFileProperty().set(path);
            showStatus(texts.get(file.holdsSecret() ? "export.step.saved.ownerOnly" : "export.step.saved", path), false);
        });
    }

    /** Writes the report (never with the secret) off the FX thread, then hands it to {@code then}. */
    public void saveReport(Path path, ReportFormat format, Consumer<Path> then) {
        writeReport(path, format, false, then);
    }

    /**
     * Writes the HTML report into the report folder and opens it with {@code opener} (blocking, run off
     * the FX thread; false when nothing could show it). Unopened, the status says so with the saved path,
     * which {@link #unopenedReportProperty()} offers to copy.
     */
    public void openReport(java.util.function.Predicate<Path> opener) {
        String name = "setup-report-" + ZonedDateTime.now(clock).toLocalDate() + ".html";
        Path path = reportFolder.resolve(name);
        unopenedReport.set(null);
        run(() -> {
            Files.createDirectories(path.toAbsolutePath().getParent());
            ExportService.write(path, reports.render(report(), ReportFormat.HTML), false, true);
            return opener.test(path);
        }, opened -> {
            if (opened) {
                showStatus(texts.get("export.step.report.opened", path), false);
            } else {
                unopenedReport.set(path);
                showStatus(texts.get("export.step.report.noBrowser", path), true);
            }
        });
    }

    /** The report that was saved but could not be shown (no browser), else null. */
    public ReadOnlyObjectProperty<Path> unopenedReportProperty() {
        return unopenedReport.getReadOnlyProperty();
    }

    /** {@code ownFolder}: the app's report folder is ours to create; a folder the user chose never is. */
    private void writeReport(Path path, ReportFormat format, boolean ownFolder, Consumer<Path> then) {
        SetupReport report = report();
        run(() -> {
            if (ownFolder) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            ExportService.write(path, reports.render(report, format), false, true);
            return path;
        }, written -> {
            showStatus(texts.get("export.step.report.saved", written), false);
            then.accept(written);
        });
    }

    /** The report never shows a result for inputs that have changed since (a stale step reads as not checked). */
    SetupReport report() {
        return new SetupReport(config(), List.of(
                new ReportSection(ReportSection.APP, holding("app")),
                new ReportSection(ReportSection.CONSENT, holding("consent")),
                new ReportSection(ReportSection.DNS, holding("dns")),
                new ReportSection(ReportSection.MAIL, holding("mail"))), ZonedDateTime.now(clock));
    }

    private List<Finding> holding(String stepId) {
        return StepState.of(stepId, model).status() == StepStatus.STALE ? List.of() : List.copyOf(model.findings(stepId));
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        busy.set(true);
        showStatus(texts.get("export.step.saving"), false);
        tasks.run(work)
                .onSuccess(done)
                .onError(error -> {
                    if (error instanceof ProblemException problem) {
                        showProblem(problem);
                    } else {
                        LOG.error("Export failed unexpectedly", error);
                        showStatus(texts.get("cli.error.unexpected"), true);
                    }
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    private void showProblem(ProblemException e) {
        showStatus(texts.format(e.problem()), true);
    }

    private void showStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    /** The setup as typed so far; blank fields are absent, an unparsable site URL is left out. */
    MailConfig config() {
        return MailConfig.builder()
                .cloud(model.cloudProperty().get())
                .endpointOverride(model.endpointOverrideProperty().get())
                .tenantId(firstSet(model.tenantIdProperty().get(), model.tenantProperty().get()))
                .tenantDomain(blankToNull(model.tenantDomainProperty().get()))
                .clientId(blankToNull(model.clientIdProperty().get()))
                .clientSecret(blankToNull(model.clientSecretProperty().get()))
                .clientSecretExpires(model.clientSecretExpiresProperty().get())
                .redirectUri(blankToNull(model.redirectUriProperty().get()))
                .domain(blankToNull(model.domainProperty().get()))
                .sender(blankToNull(model.senderProperty().get()))
                .senderName(blankToNull(model.senderNameProperty().get()))
                .siteUrl(uri(model.siteUrlProperty().get()))
                .wordpressUrl(uri(model.wordpressUrlProperty().get()))
                .grant(model.grantProperty().get())
                .target(model.targetProperty().get())
                .build();
    }

    private static String firstSet(String preferred, String fallback) {
        String value = blankToNull(preferred);
        return value != null ? value : blankToNull(fallback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI uri(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public ObjectProperty<ExportTarget> targetProperty() { return target; }
    public BooleanProperty includeSecretProperty() { return includeSecret; }
    public ReadOnlyBooleanProperty secretAvailableProperty() { return secretAvailable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty exportableProperty() { return exportable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewNoteProperty() { return previewNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nextStepsProperty() { return nextSteps.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }
}
