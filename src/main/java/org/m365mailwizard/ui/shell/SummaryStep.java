// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Labels;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * The last page: every check's state, step by step, each with a link back to the step that fixes it.
 * Drawn again when shown and whenever a finding list changes (a background check may finish).
 */
final class SummaryStep implements WizardStep {

    static final String ID = "summary";

    private final SummaryViewModel vm;
    private final Texts texts;
    private final Function<String, String> stepName;
    private final Consumer<String> goTo;
    private final Runnable exportReminder;
    private final VBox root = new VBox(14);
    private final InvalidationListener redraw = o -> draw();

    /**
     * @param stepName the numbered name of a step id, e.g. "4. DNS records"
     * @param goTo shows the step with that id
     * @param exportReminder offers the calendar reminder of the secret's expiry
     */
    SummaryStep(SummaryViewModel vm, Texts texts, Function<String, String> stepName, Consumer<String> goTo,
                Runnable exportReminder) {
        this.vm = vm;
        this.texts = texts;
        this.stepName = stepName;
        this.goTo = goTo;
        this.exportReminder = exportReminder;
        root.getStyleClass().add("summary-step");
        root.setId("summary");
    }

    @Override
    public String titleKey() {
        return StepCatalog.titleKey(ID);
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return new ReadOnlyBooleanWrapper(false);
    }

    @Override
    public void entered() {
        draw();
        vm.dependencies().forEach(o -> o.addListener(redraw));
    }

    @Override
    public void left() {
        vm.dependencies().forEach(o -> o.removeListener(redraw));
    }

    private void draw() {
        List<SummaryViewModel.Section> sections = vm.sections();
        SummaryViewModel.Ending ending = vm.ending(sections);
        Label overall = wrapped(headline(ending), "summary-overall");
        overall.setId("summaryOverall");
        SummaryViewModel.Tally tally = vm.tally(sections);
        Label counts = wrapped(texts.get("summary.tally", tally.passed(), tally.warnings(), tally.problems(),
                tally.open()), "hint");
        counts.setId("summaryTally");
        root.getChildren().setAll(wrapped(texts.get("summary.intro"), "step-description"), overall, counts, secret());
        for (SummaryViewModel.Section section : sections) {
            root.getChildren().add(section(section));
        }
        root.getChildren().add(readBy());
        root.getChildren().add(end(ending));
    }

    private String headline(SummaryViewModel.Ending ending) {
        return ending.ready() ? texts.get("summary.overall.allGood")
                : texts.get("summary.end.missing", stepName.apply(ending.missingStep()));
    }

    /** The page ends with the verdict again: ready (and what to do next), or the one thing missing. */
    private VBox end(SummaryViewModel.Ending ending) {
        Label title = wrapped(headline(ending), "summary-heading");
        Label detail = wrapped(texts.format(ending.detail()), "summary-row-text");
        detail.setId("summaryEndDetail");
        VBox box = new VBox(6, title, detail);
        box.getStyleClass().addAll("summary-section", "summary-end", ending.ready() ? "ready" : "missing");
        if (!ending.ready()) {
            Hyperlink link = new Hyperlink(texts.get("summary.link.fix", stepName.apply(ending.missingStep())));
            link.setId("summaryEndLink");
            link.setWrapText(true);
            link.setOnAction(e -> goTo.accept(ending.missingStep()));
            box.getChildren().add(link);
        }
        return box;
    }

    /** Who reads the exported file, and whether it can work in this cloud, before the user saves it. */
    private VBox readBy() {
        ExportService.BeforeSaving said = vm.readBy();
        Label heading = wrapped(texts.get("summary.readBy.heading", texts.get(said.target().nameKey())), "summary-heading");
        Label text = wrapped(texts.format(said.readBy()), "summary-row-text");
        text.setId("summaryReadBy");
        VBox box = new VBox(6, heading, text);
        if (said.refusal() != null) {
            Label refusal = wrapped(texts.format(said.refusal()), "summary-row-text");
            refusal.setId("summaryReadByRefusal");
            HBox line = new HBox(8, StatusBadge.of(Status.FAIL, texts), refusal);
            HBox.setHgrow(refusal, Priority.ALWAYS);
            line.getStyleClass().add("summary-row");
            box.getChildren().add(line);
        }
        box.getStyleClass().addAll("summary-section", "summary-read-by");
        return box;
    }

    private VBox secret() {
        SummaryViewModel.SecretRow row = vm.secret();
        Label badge = StatusBadge.of(row.status(), texts);
        badge.setId("summary-status-secret");
        Label heading = wrapped(texts.get("health.summary.secret.heading"), "summary-heading");
        HBox top = new HBox(10, badge, heading);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(heading, Priority.ALWAYS);
        Label text = wrapped(texts.format(row.text()), "summary-row-text");
        text.setId("summarySecret");
        VBox box = new VBox(6, top, text);
        row.notes().forEach(note -> box.getChildren().add(wrapped(texts.format(note), "hint")));
        Button reminder = new Button(texts.get("health.summary.secret.reminder"));
        reminder.setId("summaryReminder");
        reminder.setDisable(!row.reminderPossible());
        reminder.setOnAction(e -> exportReminder.run());
        box.getChildren().add(reminder);
        box.getStyleClass().addAll("summary-section", "summary-secret");
        return box;
    }

    private VBox section(SummaryViewModel.Section section) {
        Label heading = wrapped(stepName.apply(section.stepId()), "summary-heading");
        Label badge = StatusBadge.of(section.state(), texts);
        badge.setId("summary-status-" + section.stepId());
        HBox top = new HBox(10, badge, heading);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(heading, Priority.ALWAYS);
        VBox box = new VBox(6, top);
        box.getStyleClass().add("summary-section");
        if (section.passed() > 0) {
            box.getChildren().add(wrapped(texts.get("summary.passed", section.passed()), "hint"));
        }
        for (SummaryViewModel.Row row : section.rows()) {
            if (row.status() == null && section.rows().size() == 1) {
                // Nothing ran: the heading's badge says so already; the row only explains.
                box.getChildren().add(wrapped(texts.format(row.text()), "hint"));
                continue;
            }
            // A check that has not run reads as a hint; a result reads as the result.
            Label text = wrapped(texts.format(row.text()), row.status() == null ? "hint" : "summary-row-text");
            HBox line = new HBox(8, StatusBadge.of(row.status(), texts), text);
            HBox.setHgrow(text, Priority.ALWAYS);
            line.getStyleClass().add("summary-row");
            box.getChildren().add(line);
        }
        Hyperlink link = new Hyperlink(texts.get(section.hasProblem() ? "summary.link.fix" : "summary.link.open",
                stepName.apply(section.stepId())));
        link.setId("summary-link-" + section.stepId());
        link.setWrapText(true);
        link.setOnAction(e -> goTo.accept(section.stepId()));
        box.getChildren().add(link);
        return box;
    }

    private static Label wrapped(String text, String styleClass) {
        return Labels.wrapped(text, styleClass);
    }
}
