// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * The summary's content without nodes: for each step with checks, its findings from the
 * {@link WizardModel} (passes counted, everything else listed with its reason), or "not checked yet",
 * and whether it needs the user's attention; the export's file. Read again whenever shown.
 */
final class SummaryViewModel {

    /** A line of a section: a state (null = not checked yet) and what to say. */
    record Row(Status status, Message text) {
    }

    /**
     * One step's part of the summary.
     *
     * @param passed how many checks passed (not listed one by one)
     * @param rows everything else, worst first; a single pending row when nothing ran
     */
    record Section(String stepId, Status worst, int passed, List<Row> rows) {
        /** A check of this step failed, warned or could not run. */
        boolean hasProblem() {
            return worst != null && worst != Status.PASS;
        }

        /** Some check of this step has not run yet (a row without status). */
        boolean incomplete() {
            return worst == null || rows.stream().anyMatch(r -> r.status() == null);
        }
    }

    private static final Comparator<Status> SEVERITY = Comparator.comparingInt(SummaryViewModel::severity);

    private final WizardModel model;
    private final Clock clock;

    SummaryViewModel(WizardModel model) {
        this(model, Clock.systemDefaultZone());
    }

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
        return List.of(model.appFindings(), model.consentFindings(), model.dnsFindings(), model.mailFindings(),
                model.exportedFileProperty(), model.clientSecretExpiresProperty());
    }

    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, ObservableList<Finding>> step : List.of(
                Map.entry("app", model.appFindings()), Map.entry("consent", model.consentFindings()),
                Map.entry("dns", model.dnsFindings()), Map.entry("mail", model.mailFindings()))) {
            sections.add(section(step.getKey(), step.getValue()));
        }
        // The app step publishes its own input checks as the user types; only its token check asks Microsoft.
        Section app = sections.get(0);
        if (app.worst() != null && model.appFindings().stream().noneMatch(f -> f.id().equals(AppCheckIds.TOKEN))) {
            List<Row> rows = new ArrayList<>(app.rows());
            rows.add(new Row(null, Message.of("summary.app.notWithMicrosoft")));
            sections.set(0, new Section(app.stepId(), app.worst(), app.passed(), rows));
        }
        sections.add(exportSection());
        return sections;
    }

    /** The headline: all good, how many steps need attention, or what has not run. */
    Message overall(List<Section> sections) {
        long failing = sections.stream().filter(Section::hasProblem).count();
        long notRun = sections.stream().filter(Section::incomplete).count();
        if (failing > 0) {
            return Message.of("summary.overall.attention", failing, notRun);
        }
        if (notRun > 0) {
            return Message.of("summary.overall.notRun", notRun);
        }
        return Message.of("summary.overall.allGood");
    }

    private static Section section(String stepId, List<Finding> findings) {
        if (findings.isEmpty()) {
            return new Section(stepId, null, 0, List.of(new Row(null, Message.of("summary.notChecked"))));
        }
        int passed = (int) findings.stream().filter(f -> f.status() == Status.PASS).count();
        List<Row> rows = findings.stream().filter(f -> f.status() != Status.PASS)
                .sorted(Comparator.comparing(Finding::status, SEVERITY.reversed()))
                .map(f -> new Row(f.status(), f.message())).toList();
        Status worst = findings.stream().map(Finding::status).max(SEVERITY).orElse(Status.PASS);
        return new Section(stepId, worst, passed, rows);
    }

    private Section exportSection() {
        if (model.exportedFileProperty().get() == null) {
            return new Section("export", null, 0, List.of(new Row(null, Message.of("summary.export.none"))));
        }
        return new Section("export", Status.PASS, 0,
                List.of(new Row(Status.PASS, Message.of("summary.export.saved", model.exportedFileProperty().get()))));
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
