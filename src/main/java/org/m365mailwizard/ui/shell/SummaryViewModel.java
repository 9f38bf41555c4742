// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.Observable;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.ui.common.StepStatus;

/**
 * The summary's content without nodes: for each step its {@link StepState} and findings from the
 * {@link WizardModel} (passes counted, everything else listed with its reason), "not checked yet",
 * or, for a result whose inputs changed since, only why it no longer holds; and how it ends: ready to
 * send, or the first thing still missing. Read again whenever shown.
 */
final class SummaryViewModel {

    /** The steps the summary has a card for, in order. */
    static final List<String> STEPS = List.of("domain", "app", "consent", "dns", "mail", "export");

    /** A line of a section: a state (null = not checked yet) and what to say. */
    record Row(Status status, Message text) {
    }

    /**
     * One step's part of the summary.
     *
     * @param state the step's state, as the step list shows it
     * @param passed how many checks passed (not listed one by one)
     * @param rows everything else, worst first; a single pending row when nothing ran or the result is stale
     */
    record Section(String stepId, StepStatus state, int passed, List<Row> rows) {
        /** A check of this step failed or could not run (a warning is no problem). */
        boolean hasProblem() {
            return state == StepStatus.FAILED;
        }

        /** The step has no result for what is typed now, or some check of it has not run. */
        boolean incomplete() {
            return state == StepStatus.NOT_CHECKED || state == StepStatus.STALE
                    || rows.stream().anyMatch(r -> r.status() == null);
        }
    }

    /**
     * How the summary ends.
     *
     * @param missingStep the first step that keeps the site from sending, or null when it is ready
     * @param detail why that step is not done, or (when ready) what to do next
     */
    record Ending(String missingStep, Message detail) {
        boolean ready() {
            return missingStep == null;
        }
    }

    /**
     * The steps counted by state, so that a warning is told apart from a problem in words.
     *
     * @param open steps not checked yet or whose result is out of date
     */
    record Tally(int passed, int warnings, int problems, int open) {
    }

    private static final Comparator<Status> SEVERITY = Comparator.comparingInt(SummaryViewModel::severity);

    private final WizardModel model;
    private final Clock clock;

    /** @param clock today's date, against which the secret's expiry is judged */
    SummaryViewModel(WizardModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    /**
     * The client secret's expiry, shown at the top because it is what silently stops the site's mail
     * months later: its state and the sentence with the date, days left and what to do.
     */
    SecretRow secret() {
        LocalDate expires = model.clientSecretExpiresProperty().get();
        Finding expiry = AppInputValidator.expiry(expires, LocalDate.now(clock), AppInputValidator.EXPIRY_WARNING_DAYS);
        return new SecretRow(expiry.status(), expiry.message(), expiry.notes(), expires != null);
    }

    /** The secret's line: its state, why, what to do, and whether a calendar reminder can be made (date known). */
    record SecretRow(Status status, Message text, List<Message> notes, boolean reminderPossible) {
    }

    /** What the summary depends on: a change to any of these means it must be drawn again. */
    List<Observable> dependencies() {
        List<Observable> all = new ArrayList<>(model.results());
        all.addAll(model.inputs());
        all.add(model.clientSecretExpiresProperty());
        all.add(model.exportTargetProperty());
        return all;
    }

    /**
     * Who reads the file the Export step saves (plugin or package, version, free or paid edition), and why
     * it cannot work in the setup's cloud if so, said here too so that it is read before saving: the
     * format chosen on the Export step, else the one that suits the plugin chosen in step 1.
     */
    ExportService.BeforeSaving readBy() {
        ExportTarget target = model.exportTargetProperty().get();
        if (target == null) {
            target = ExportTarget.forPlugin(model.targetProperty().get());
        }
        return ExportService.beforeSaving(target, model.cloudProperty().get());
    }

    List<Section> sections() {
        return STEPS.stream().map(this::section).toList();
    }

    Tally tally(List<Section> sections) {
        return new Tally(count(sections, StepStatus.PASSED), count(sections, StepStatus.WARNING),
                count(sections, StepStatus.FAILED),
                count(sections, StepStatus.NOT_CHECKED) + count(sections, StepStatus.STALE));
    }

    private static int count(List<Section> sections, StepStatus state) {
        return (int) sections.stream().filter(s -> s.state() == state).count();
    }

    /** Ready to send when no step failed, is stale or is unchecked; else the first one that is. */
    Ending ending(List<Section> sections) {
        for (Section section : sections) {
            if (section.hasProblem() || section.incomplete()) {
                Message why = section.rows().stream().filter(r -> r.status() != Status.WARN)
                        .map(Row::text).findFirst().orElse(Message.of("summary.notChecked"));
                return new Ending(section.stepId(), why);
            }
        }
        return new Ending(null, Message.of("summary.end.next", model.exportedFileProperty().get()));
    }

    private Section section(String stepId) {
        StepState state = StepState.of(stepId, model);
        if (state.status() == StepStatus.STALE) {
            return new Section(stepId, state.status(), 0, List.of(new Row(null, state.staleReason())));
        }
        List<Finding> findings = model.findings(stepId);
        if (findings.isEmpty()) {
            return new Section(stepId, state.status(), 0, List.of(new Row(null, Message.of(
                    stepId.equals("export") ? "summary.export.none" : "summary.notChecked"))));
        }
        int passed = (int) findings.stream().filter(f -> f.status() == Status.PASS).count();
        List<Row> rows = new ArrayList<>(findings.stream().filter(f -> f.status() != Status.PASS)
                .sorted(Comparator.comparing(Finding::status, SEVERITY.reversed()))
                .map(f -> new Row(f.status(), f.message())).toList());
        if (stepId.equals("export")) {
            return new Section(stepId, state.status(), 0, List.of(new Row(Status.PASS, findings.get(0).message())));
        }
        // The app step publishes its own input checks as the user types; only its token check asks Microsoft.
        if (stepId.equals("app") && findings.stream().noneMatch(f -> f.id().equals(AppCheckIds.TOKEN))) {
            rows.add(new Row(null, Message.of("summary.app.notWithMicrosoft")));
        }
        return new Section(stepId, state.status(), passed, List.copyOf(rows));
    }

    private static int severity(Status status) {
        return switch (status) {
            case PASS -> 0;
            case WARN -> 1;
            case ERROR -> 2;
            case FAIL -> 3;
        };
    }
}
