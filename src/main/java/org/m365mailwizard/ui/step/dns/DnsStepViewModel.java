// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.DnsRecords;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.CheckedFor;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * The DNS screen's state and commands, without any node: runs the six checks in the background,
 * fills the rows as each check ends, cancels, and keeps the last report's zone snippet. In the
 * wizard it reads domain, cloud and tenant from the shared {@link WizardModel} and stores the
 * findings there; standalone it has a model of its own, edited by the screen's own fields.
 */
public final class DnsStepViewModel {

    private static final String STEP = "dns";

    private final WizardModel model;
    private final boolean standalone;
    private final DnsChecker checker;
    private final Texts texts;
    private final FxTasks tasks;
    private final Executor uiThread;

    private final BooleanProperty authoritative = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper zoneSnippet = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper domainMissing = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<DnsCheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper staleLine = new ReadOnlyStringWrapper("");

    private FxTasks.Handle handle;
    private int generation;
    private String lastChecked;

    /**
     * @param uiThread where progress from background threads is delivered (the FX thread; tests run it inline)
     */
    private DnsStepViewModel(WizardModel model, boolean standalone, DnsChecker checker, Texts texts, FxTasks tasks,
                             Executor uiThread) {
        this.model = Objects.requireNonNull(model);
        this.standalone = standalone;
        this.checker = Objects.requireNonNull(checker);
        this.texts = Objects.requireNonNull(texts);
        this.tasks = Objects.requireNonNull(tasks);
        this.uiThread = Objects.requireNonNull(uiThread);
        for (String id : DnsChecker.CHECK_IDS) {
            rows.add(DnsCheckRow.pending(id, texts, "dnsui.state.notChecked"));
        }
        // What is typed is judged as it changes: a web or mail address gets its domain offered, and a
        // result shown for other inputs says so instead of passing for the new ones.
        model.domainProperty().addListener(o -> inputsChanged());
        model.cloudProperty().addListener(o -> inputsChanged());
        model.tenantDomainProperty().addListener(o -> inputsChanged());
        inputsChanged();
    }

    private void inputsChanged() {
        suggestion.set(DomainName.suggestionFor(model.domainProperty().get()).map(DomainName::unicode).orElse(""));
        StepState state = StepState.of(STEP, model);
        staleLine.set(state.status() == StepStatus.STALE ? texts.format(state.staleReason()) : "");
    }

    /** The wizard's DNS step: domain, cloud and tenant come from the setup being made. */
    public static DnsStepViewModel forWizard(WizardModel model, DnsChecker checker, Texts texts, FxTasks tasks,
                                             Executor uiThread) {
        DnsStepViewModel vm = new DnsStepViewModel(model, false, checker, texts, tasks, uiThread);
        vm.restore();
        return vm;
    }

    /**
     * The step is built again after a language switch: the last result still holds for the inputs it
     * was checked for, so show it in the new words instead of asking DNS again.
     */
    private void restore() {
        CheckedFor checked = model.checkedForProperty(STEP).get();
        if (checked == null || model.dnsFindings().isEmpty()
                || checked.firstChangeIn(StepInputs.snapshot(STEP, model)).isPresent()
                || !(DomainName.parse(model.domainProperty().get()) instanceof DomainName.Valid domain)) {
            return;
        }
        show(new DnsReport(domain.name(), cloud(), List.copyOf(model.dnsFindings())));
        lastChecked = key();
    }

    /** The standalone DNS checker: its own domain, cloud and tenant fields. */
    public static DnsStepViewModel standalone(DnsChecker checker, Texts texts, FxTasks tasks, Executor uiThread) {
        return new DnsStepViewModel(new WizardModel(), true, checker, texts, tasks, uiThread);
    }

    public WizardModel model() {
        return model;
    }

    public boolean isStandalone() {
        return standalone;
    }

    public BooleanProperty authoritativeProperty() {
        return authoritative;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1: the share of checks that have ended in the current run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or the summary of the last run. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** Why the check cannot start (bad domain or tenant), empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Every fix of the last complete run as a BIND zone snippet; empty when nothing needs publishing. */
    public ReadOnlyStringProperty zoneSnippetProperty() {
        return zoneSnippet.getReadOnlyProperty();
    }

    /** The last result says the domain does not exist: one finding matters, nothing is to publish. */
    public ReadOnlyBooleanProperty domainMissingProperty() {
        return domainMissing.getReadOnlyProperty();
    }

    /** The domain a web or mail address in the domain field names (to offer "Use contoso.com"), else empty. */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** Why the result shown no longer matches the fields ("Checked for contoso.com; ..."), else empty. */
    public ReadOnlyStringProperty staleLineProperty() {
        return staleLine.getReadOnlyProperty();
    }

    /** Puts the offered domain in the field and checks it (one click for the user). */
    public void useSuggestion() {
        if (!suggestion.get().isEmpty()) {
            model.domainProperty().set(suggestion.get());
            check();
        }
    }

    public ObservableList<DnsCheckRow> rows() {
        return rows;
    }

    /** The domain, cloud and tenant as the next check would use them, in words (for the wizard step's header). */
    public String subject() {
        return texts.get("dnsui.subject", model.domainProperty().get().strip(),
                texts.get("dnsui.cloud." + cloud().id()));
    }

    /** Starts a check, cancelling one that runs. Does nothing but explain when the input is not valid. */
    public void check() {
        DomainName.Result domain = DomainName.parseTenantDomain(model.domainProperty().get());
        if (domain instanceof DomainName.Invalid invalid) {
            problem.set(texts.format(invalid.reason()));
            forgetShownResult();
            return;
        }
        Cloud cloud = cloud();
        Optional<DomainName> initial = Optional.empty();
        String tenantText = model.tenantDomainProperty().get();
        if (tenantText != null && !tenantText.isBlank()) {
            DomainName.Result parsed = DomainName.parse(tenantText);
            Optional<Message> wrong = parsed instanceof DomainName.Valid v ? DnsCheckRequest.tenantOf(v.name(), cloud)
                    : Optional.of(((DomainName.Invalid) parsed).reason());
            if (wrong.isPresent() && standalone) {
                problem.set(texts.format(wrong.get()));
                forgetShownResult();
                return;
            }
            // In the wizard the tenant comes from an earlier step: one that is no initial domain of
            // the cloud only means the DKIM checks cannot compare tenants, not that DNS cannot be checked.
            initial = wrong.isPresent() ? Optional.empty() : Optional.of(((DomainName.Valid) parsed).name());
        }
        problem.set("");
        stopRunning();
        DnsCheckRequest request = new DnsCheckRequest(((DomainName.Valid) domain).name(), cloud, initial,
                microsoftRecords(((DomainName.Valid) domain).name()));
        int run = ++generation;
        lastChecked = key();
        CheckedFor asked = StepInputs.snapshot(STEP, model);
        domainMissing.set(false);
        rows.setAll(DnsChecker.CHECK_IDS.stream().map(id -> DnsCheckRow.pending(id, texts, "dnsui.state.checking")).toList());
        zoneSnippet.set("");
        progress.set(0);
        running.set(true);
        statusLine.set(texts.get("dnsui.state.running", request.domain().ascii()));
        DnsChecker configured = checker.withSettings(checker.settings().withAuthoritative(authoritative.get()));
        handle = tasks.runAsync(() -> configured.check(request, finding -> uiThread.execute(() -> arrived(run, finding))))
                .onSuccess(report -> finished(run, report, asked))
                .onError(error -> failed(run))
                .start();
    }

    /** The input is refused: results for an earlier domain must not stay under the refusal. */
    private void forgetShownResult() {
        stopRunning();
        generation++;
        lastChecked = null;
        if (standalone) {
            // Nothing is shown any more, so nothing can be out of date (the wizard's model keeps its own result).
            model.checkedForProperty(STEP).set(null);
            model.dnsFindings().clear();
            inputsChanged();
        }
        domainMissing.set(false);
        rows.setAll(DnsChecker.CHECK_IDS.stream().map(id -> DnsCheckRow.pending(id, texts, "dnsui.state.notChecked"))
                .toList());
        zoneSnippet.set("");
        progress.set(0);
        statusLine.set("");
    }

    /** Checks when the domain, cloud or tenant changed since the last run (entering the step). */
    public void checkIfChanged() {
        if (!running.get() && !key().equals(lastChecked)) {
            check();
        }
    }

    /** Stops the running check; rows already answered stay, the others say "cancelled". */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        stopRunning();
        generation++;
        rows.replaceAll(r -> r.status() == null ? DnsCheckRow.pending(r.id(), texts, "dnsui.state.cancelled") : r);
        statusLine.set(texts.get("dnsui.state.cancelled.line"));
        lastChecked = null;
    }

    private void stopRunning() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        running.set(false);
    }

    private void arrived(int run, Finding finding) {
        if (run != generation) {
            return; // a late answer of a cancelled or replaced run
        }
        int index = DnsChecker.CHECK_IDS.indexOf(finding.id());
        if (index >= 0) {
            rows.set(index, DnsCheckRow.of(finding, texts));
        }
        long done = rows.stream().filter(r -> r.status() != null).count();
        progress.set((double) done / DnsChecker.CHECK_IDS.size());
    }

    private void finished(int run, DnsReport report, CheckedFor asked) {
        if (run != generation) {
            return;
        }
        running.set(false);
        handle = null;
        model.checkedForProperty(STEP).set(asked);
        model.dnsFindings().setAll(report.findings());
        show(report);
        inputsChanged();
    }

    private void show(DnsReport report) {
        domainMissing.set(report.domainMissing());
        rows.setAll(report.findings().stream().map(f -> DnsCheckRow.of(f, texts)).toList());
        progress.set(1);
        zoneSnippet.set(report.zoneSnippet());
        List<Finding> findings = report.findings();
        statusLine.set(texts.get("findings.summary", count(findings, Status.PASS), count(findings, Status.WARN),
                count(findings, Status.FAIL), count(findings, Status.ERROR)));
    }

    private void failed(int run) {
        if (run != generation) {
            return;
        }
        running.set(false);
        handle = null;
        lastChecked = null;
        statusLine.set(texts.get("dnsui.state.failed"));
    }

    private static long count(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    private Cloud cloud() {
        Cloud cloud = model.cloudProperty().get();
        return cloud == null ? Cloud.GLOBAL : cloud;
    }

    private String key() {
        return model.domainProperty().get() + "|" + cloud().id() + "|" + model.tenantDomainProperty().get()
                + "|" + authoritative.get();
    }

    /** Microsoft's records read in step 2, when they describe this domain (the domain may have changed since). */
    private DnsRecords microsoftRecords(DomainName name) {
        DnsRecords records = model.dnsRecordsProperty().get();
        return records != null && records.describes(name.ascii()) ? records : DnsRecords.none();
    }
}
