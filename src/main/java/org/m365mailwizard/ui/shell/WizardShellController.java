// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Labels;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * The shell around the steps: the step list, the header, help for the step, the content and Back /
 * Next / Cancel, and "Send test email". Next is the default button (Enter) and enabled only when the
 * current step can advance; Cancel is the cancel button (Escape) and hands over to the window, which
 * asks before anything is dropped. A step that cannot be reached yet says which earlier step is missing.
 */
public final class WizardShellController {

    private static final String BLOCKED_NOTICE = "blocked";
    private static final String STALE_NOTICE = "stale";

    /** A step with the id it is registered under. */
    record Entry(String id, WizardStep step) {
    }

    private final Texts texts;
    private final WizardModel model;
    private final ShellActions actions;
    private List<Entry> entries;
    private StepNavigator navigator;

    @FXML private BorderPane root;
    @FXML private ListView<WizardStep> stepList;
    @FXML private Label stepCounter;
    @FXML private Label stepTitle;
    @FXML private ComboBox<Language> languageChoice;
    @FXML private VBox notices;
    @FXML private ScrollPane contentScroll;
    @FXML private TitledPane helpPane;
    @FXML private Label helpPortal;
    @FXML private Label helpMistake;
    @FXML private Hyperlink helpDocs;
    @FXML private StackPane content;
    @FXML private Button sendTestButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button cancelButton;

    WizardShellController(Texts texts, WizardModel model, ShellActions actions) {
        this.texts = texts;
        this.model = model;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        ShellControls.languageChoice(languageChoice, texts, actions.chooseLanguage());
        notices.managedProperty().bind(Bindings.isNotEmpty(notices.getChildren()));
        notices.visibleProperty().bind(notices.managedProperty());
        sendTestButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> actions.sendTestProblem().getValue() != null, actions.sendTestProblem()));
        sendTestButton.accessibleHelpProperty().bind(Bindings.createStringBinding(() -> {
            Message problem = actions.sendTestProblem().getValue();
            return problem == null ? texts.get("shell.sendTest.help") : texts.format(problem);
        }, actions.sendTestProblem()));
        model.cloudProperty().addListener((obs, old, now) -> showHelp());
    }

    /** Puts the steps in; shows the one at {@code startIndex} (or the nearest reachable one before it). */
    void setSteps(List<Entry> steps, int startIndex) {
        entries = List.copyOf(steps);
        List<String> ids = entries.stream().map(Entry::id).toList();
        navigator = new StepNavigator(entries.stream().map(Entry::step).toList(), ids.stream()
                .map(id -> StepCatalog.needs(id, ids.subList(0, ids.indexOf(id))).stream().map(ids::indexOf).toList())
                .toList());
        stepList.setItems(FXCollections.observableArrayList(navigator.steps()));
        stepList.setCellFactory(list -> new StepCell());
        backButton.disableProperty().bind(navigator.canGoBack().not());
        // On the last page Next becomes Finish: the wizard has a clear end instead of a greyed-out button.
        BooleanBinding onLast = navigator.currentProperty().isEqualTo(entries.size() - 1);
        nextButton.disableProperty().bind(navigator.canGoNext().not().and(onLast.not()));
        nextButton.textProperty().bind(Bindings.when(onLast).then(texts.get("shell.finish"))
                .otherwise(texts.get("shell.next")));
        navigator.currentProperty().addListener((obs, old, index) -> show(index.intValue()));
        int start = Math.max(0, Math.min(startIndex, entries.size() - 1));
        while (start > 0 && !navigator.canReach(start)) {
            start--;
        }
        navigator.goTo(start);
        stepList.getSelectionModel().selectedIndexProperty().addListener((obs, old, selected) -> {
            int wanted = selected.intValue();
            if (wanted >= 0 && wanted != navigator.currentProperty().get() && !navigator.goTo(wanted)) {
                explainBlocked(wanted);
                // Not reachable yet: put the selection back on the step that is shown.
                Platform.runLater(() -> stepList.getSelectionModel().select(navigator.currentProperty().get()));
            }
        });
        // Reachability changes as the user types: repaint the list's state.
        for (int i = 0; i < entries.size(); i++) {
            navigator.canAdvance(i).addListener((obs, was, is) -> stepList.refresh());
        }
        // A result that arrives or goes stale changes a step's state: repaint it and the banner.
        model.results().forEach(o -> o.addListener(x -> resultsChanged()));
        model.inputs().forEach(o -> o.addListener(x -> resultsChanged()));
    }

    private void resultsChanged() {
        stepList.refresh();
        showStale();
    }

    /** The shown step's result no longer holds for what is typed: say so above it, in words. */
    private void showStale() {
        removeNotice(STALE_NOTICE);
        String id = currentId();
        if (!SummaryViewModel.STEPS.contains(id)) {
            return;
        }
        StepState state = StepState.of(id, model);
        if (state.status() == StepStatus.STALE) {
            ShellControls.notice(notices, texts, texts.get("shell.stale", texts.format(state.staleReason())),
                    STALE_NOTICE).setId("staleNotice");
        }
    }

    /** Shows the step with this id if it can be reached; otherwise says which earlier step is missing. */
    boolean goTo(String stepId) {
        int index = indexOf(stepId);
        if (index < 0) {
            return false;
        }
        if (index == navigator.currentProperty().get() || navigator.goTo(index)) {
            return true;
        }
        explainBlocked(index);
        return false;
    }

    int indexOf(String stepId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /** The numbered name of a step, e.g. "4. DNS records". */
    String stepName(String stepId) {
        int index = indexOf(stepId);
        return index < 0 ? stepId
                : texts.get("shell.stepListEntry", index + 1, texts.get(entries.get(index).step().titleKey()));
    }

    String currentId() {
        return entries.get(navigator.currentProperty().get()).id();
    }

    private void explainBlocked(int wanted) {
        navigator.firstMissing(wanted).ifPresent(i -> showNotice(BLOCKED_NOTICE, blockedReason(wanted, i)));
    }

    /** Why a step cannot open: the earlier step it needs, and (a resumed setup) that the secret is not typed. */
    private Message blockedReason(int wanted, int missing) {
        String name = stepName(entries.get(wanted).id());
        String missingName = stepName(entries.get(missing).id());
        return needsSecret(missing) ? Message.of("shell.blocked.secret", name, missingName)
                : Message.of("shell.blocked", name, missingName);
    }

    /** The app step is incomplete only for want of the client secret (it is never saved). */
    private boolean needsSecret(int index) {
        return entries.get(index).id().equals("app") && model.clientSecretProperty().get().isBlank();
    }

    private void show(int index) {
        Entry entry = entries.get(index);
        WizardStep step = entry.step();
        stepTitle.setText(texts.get(step.titleKey()));
        stepCounter.setText(texts.get("shell.stepCounter", index + 1, entries.size()));
        content.getChildren().setAll(step.view());
        contentScroll.setVvalue(0);
        stepList.getSelectionModel().select(index);
        stepList.refresh();
        removeNotice(BLOCKED_NOTICE);
        model.currentStepProperty().set(entry.id());
        showHelp();
        showStale();
    }

    private void showHelp() {
        if (entries == null || navigator.currentProperty().get() < 0) {
            return;
        }
        String id = currentId();
        String portal = "help.step." + id + ".portal";
        boolean has = texts.has(portal);
        helpPane.setVisible(has);
        helpPane.setManaged(has);
        if (!has) {
            return;
        }
        helpPortal.setText(texts.get(portal));
        helpMistake.setText(texts.get("help.mistake", texts.get("help.step." + id + ".mistake")));
        Optional<URI> link = HelpLinks.forStep(id, model.cloudProperty().get());
        helpDocs.setVisible(link.isPresent());
        helpDocs.setManaged(link.isPresent());
        link.ifPresent(uri -> {
            helpDocs.setText(texts.get("help.docs", texts.get("help.step." + id + ".docs"),
                    texts.get("domain.cloud." + model.cloudProperty().get().id())));
            helpDocs.setOnAction(e -> {
                actions.openLink().accept(uri);
                helpDocs.setVisited(false);
            });
        });
    }

    /** Shows a message above the step until the user dismisses it. */
    void showNotice(Message message) {
        showNotice(null, message);
    }

    private void showNotice(String kind, Message message) {
        if (kind != null) {
            removeNotice(kind);
        }
        ShellControls.notice(notices, texts, texts.format(message), kind);
    }

    private void removeNotice(String kind) {
        notices.getChildren().removeIf(n -> kind.equals(n.getUserData()));
    }

    int currentIndex() {
        return navigator.currentProperty().get();
    }

    /** The window closes or is rebuilt. */
    void leave() {
        navigator.leave();
    }

    BorderPane root() {
        return root;
    }

    ComboBox<Language> languageChoice() {
        return languageChoice;
    }

    @FXML
    private void back() {
        navigator.back();
    }

    @FXML
    private void next() {
        int from = navigator.currentProperty().get();
        if (from == entries.size() - 1) {
            actions.finish().run();
            return;
        }
        if (navigator.next()) {
            // Steps passed over (they need an earlier step that is incomplete): say which and why.
            for (int skipped = from + 1; skipped < navigator.currentProperty().get(); skipped++) {
                int step = skipped;
                navigator.firstMissing(step).ifPresent(i -> showNotice(BLOCKED_NOTICE, blockedReason(step, i)));
            }
        }
    }

    /** The numbered names of the steps that cannot open only because the client secret is not typed. */
    List<String> waitingForTheSecret() {
        return java.util.stream.IntStream.range(0, entries.size())
                .filter(i -> navigator.firstMissing(i).stream().anyMatch(this::needsSecret))
                .mapToObj(i -> stepName(entries.get(i).id())).toList();
    }

    @FXML
    private void cancel() {
        actions.cancel().run();
    }

    @FXML
    private void startPage() {
        actions.startPage().run();
    }

    @FXML
    private void settings() {
        actions.settings().run();
    }

    @FXML
    private void sendTest() {
        actions.sendTest().run();
    }

    private final class StepCell extends ListCell<WizardStep> {
        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().removeAll("current", "unreachable");
            setWrapText(true);
            setPrefWidth(0);
            setGraphic(null);
            if (empty || step == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            String name = texts.get("shell.stepListEntry", getIndex() + 1, texts.get(step.titleKey()));
            setText(name);
            String id = entries.get(getIndex()).id();
            if (SummaryViewModel.STEPS.contains(id)) {
                // The state under the name, as an icon and a word (never colour alone).
                StepStatus state = StepState.of(id, model).status();
                Label badge = StatusBadge.of(state, texts);
                badge.setId("step-state-" + id);
                badge.getStyleClass().add("step-state");
                Label title = Labels.wrapped(name, "step-name");
                VBox box = new VBox(2, title, badge);
                int index = getIndex();
                navigator.firstMissing(index).ifPresent(missing -> {
                    // On the step itself, not only when clicked: what it is waiting for.
                    Label needs = Labels.wrapped(needsSecret(missing)
                            ? texts.get("shell.step.needsSecret", stepName(entries.get(missing).id()))
                            : texts.get("shell.step.needs", stepName(entries.get(missing).id())), "hint");
                    needs.setId("step-needs-" + id);
                    box.getChildren().add(needs);
                });
                box.setMaxWidth(Double.MAX_VALUE);
                box.prefWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset()));
                setText(null);
                setGraphic(box);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                name = texts.get("shell.step.withState", name, texts.get(state.wordKey()));
            } else {
                setContentDisplay(ContentDisplay.TEXT_ONLY);
            }
            if (getIndex() == navigator.currentProperty().get()) {
                getStyleClass().add("current");
                setAccessibleText(texts.get("shell.step.current", name));
            } else if (!navigator.canReach(getIndex())) {
                getStyleClass().add("unreachable");
                setAccessibleText(texts.get("shell.step.unreachable", name));
            } else {
                setAccessibleText(name);
            }
        }
    }
}
