// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.m365mailwizard.core.appsetup.MailboxScoping;
import org.m365mailwizard.core.appsetup.SetupRequest;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.Clipboards;

/**
 * The window of "Create it for me" / "Check and repair this app": why each permission is asked, the
 * browser sign-in (the address to copy and a countdown when no browser opened), the plan to confirm, each change's state, retry and undo, the new secret masked with
 * Show, the Exchange commands that limit the app to the sender's mailbox and then the removal of the
 * tenant-wide consent with its consequence in words. All state lives in the
 * {@link AppSetupViewModel}; this class only binds.
 */
public final class AppSetupDialog {

    private final AppSetupViewModel vm;
    private final Texts texts;
    private final Stage stage = new Stage();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));

    public AppSetupDialog(AppSetupViewModel vm, Texts texts, Window owner) {
        this.vm = vm;
        this.texts = texts;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(texts.get(vm.mode() == SetupRequest.Mode.CREATE ? "appsetupui.title.create" : "appsetupui.title.repair"));
        VBox content = content();
        content.getStyleClass().add("app-setup-dialog");
        Scene scene = new Scene(new ScrollPane(content), 720, 640);
        AppStyles.apply(scene);
        ((ScrollPane) scene.getRoot()).setFitToWidth(true);
        stage.setScene(scene);
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnShown(e -> ticker.play());
        stage.setOnHidden(e -> {
            ticker.stop();
            vm.cancel();
        });
    }

    private void tick() {
        vm.tick();
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    private VBox content() {
        Label why = new Label(texts.get("appsetupui.why.intro"));
        why.setWrapText(true);
        VBox reasons = new VBox(2);
        for (String reason : vm.permissionReasons()) {
            Label l = new Label("• " + reason);
            l.setWrapText(true);
            l.getStyleClass().add("hint");
            reasons.getChildren().add(l);
        }

        Spinner<Integer> months = new Spinner<>(1, SetupRequest.MAX_SECRET_MONTHS, SetupRequest.DEFAULT_SECRET_MONTHS);
        months.setId("secretMonths");
        months.valueProperty().addListener((o, was, now) -> vm.secretMonthsProperty().set(now));
        HBox monthsRow = new HBox(8, new Label(texts.get("appsetupui.secretMonths")), months);

        Button signIn = new Button(texts.get("appsetupui.signIn"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.setOnAction(e -> vm.signInAndPlan());
        signIn.disableProperty().bind(vm.runningProperty().or(vm.phaseProperty().isNotEqualTo(AppSetupViewModel.Phase.READY)));

        Label noBrowser = new Label(texts.get("appsetupui.noBrowser"));
        noBrowser.setWrapText(true);
        TextField url = new TextField();
        url.setId("signInUrl");
        url.setEditable(false);
        url.textProperty().bind(vm.manualUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copyUrl = new Button(texts.get("appsetupui.copyAddress"));
        copyUrl.setId("copySignInUrl");
        copyUrl.setOnAction(e -> Clipboards.putText(vm.manualUrlProperty().get()));
        VBox urlBox = new VBox(4, noBrowser, new HBox(8, url, copyUrl));
        urlBox.setId("signInUrlBox");
        bindVisible(urlBox, vm.manualUrlProperty().isNotEmpty());
        Label countdown = new Label();
        countdown.setId("signInCountdown");
        countdown.textProperty().bind(vm.countdownProperty());
        bindVisible(countdown, vm.countdownProperty().isNotEmpty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("setupStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Button cancel = new Button(texts.get("app.step.cancel"));
        cancel.setId("cancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());

        VBox findings = new VBox(2);
        findings.setId("setupFindings");
        vm.findings().addListener((ListChangeListener<String>) c -> fill(findings, vm.findings(), "finding"));
        vm.notes().addListener((ListChangeListener<String>) c -> fill(findings, vm.notes(), "warning"));

        VBox plan = new VBox(2);
        plan.setId("setupPlan");
        vm.rows().addListener((ListChangeListener<AppSetupViewModel.Row>) c -> {
            plan.getChildren().clear();
            for (AppSetupViewModel.Row row : vm.rows()) {
                Label l = new Label(texts.get("appsetupui.row", row.state(), row.text()));
                l.setWrapText(true);
                l.getStyleClass().addAll("setup-change", row.styleClass());
                plan.getChildren().add(l);
            }
        });

        Button apply = new Button(texts.get("appsetupui.apply"));
        apply.setId("applyButton");
        apply.setOnAction(e -> vm.apply());
        bindVisible(apply, vm.phaseProperty().isEqualTo(AppSetupViewModel.Phase.PLANNED).and(vm.runningProperty().not()));
        Button retry = new Button(texts.get("appsetupui.retry"));
        retry.setId("retryButton");
        retry.setOnAction(e -> vm.apply());
        bindVisible(retry, vm.phaseProperty().isEqualTo(AppSetupViewModel.Phase.FAILED).and(vm.runningProperty().not()));
        Button undo = new Button(texts.get("appsetupui.undo"));
        undo.setId("undoButton");
        undo.setOnAction(e -> vm.undo());
        bindVisible(undo, vm.phaseProperty().isEqualTo(AppSetupViewModel.Phase.FAILED).and(vm.runningProperty().not()));
        Button regrant = new Button(texts.get("appsetupui.regrant"));
        regrant.setId("regrantButton");
        regrant.setOnAction(e -> vm.undo());
        bindVisible(regrant, vm.removalProperty().and(vm.phaseProperty().isEqualTo(AppSetupViewModel.Phase.DONE))
                .and(vm.runningProperty().not()));
        Button close = new Button(texts.get("appsetupui.close"));
        close.setId("closeButton");
        close.setOnAction(e -> stage.close());

        Label problem = new Label();
        problem.setId("setupProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll("feedback", "error");
        problem.textProperty().bind(vm.problemProperty());
        bindVisible(problem, vm.problemProperty().isNotEmpty());

        VBox done = doneBox();
        return new VBox(10, why, reasons, monthsRow, new HBox(8, signIn, progress, cancel, countdown), urlBox, status,
                findings, plan, problem, new HBox(8, apply, retry, undo, regrant, close), done);
    }

    private VBox doneBox() {
        PasswordField masked = new PasswordField();
        masked.setEditable(false);
        masked.textProperty().bind(vm.secretProperty());
        TextField shown = new TextField();
        shown.setId("secretShown");
        shown.setEditable(false);
        shown.textProperty().bind(vm.secretProperty());
        ToggleButton show = new ToggleButton();
        show.setId("showSecret");
        show.textProperty().bind(Bindings.when(show.selectedProperty())
                .then(texts.get("app.step.secret.hide")).otherwise(texts.get("app.step.secret.show")));
        shown.visibleProperty().bind(show.selectedProperty());
        masked.visibleProperty().bind(show.selectedProperty().not());
        StackPane secretPane = new StackPane(masked, shown);
        HBox.setHgrow(secretPane, Priority.ALWAYS);
        VBox secretBox = new VBox(4, new Label(texts.get("appsetupui.secret")), new HBox(8, secretPane, show));
        bindVisible(secretBox, vm.secretProperty().isNotEmpty());

        Label rbacIntro = new Label(texts.get("appsetupui.rbac"));
        rbacIntro.setWrapText(true);
        TextArea commands = new TextArea();
        commands.setId("rbacCommands");
        commands.setEditable(false);
        commands.setPrefRowCount(6);
        commands.textProperty().bind(vm.rbacCommandsProperty());
        Button copy = new Button(texts.get("app.step.copy"));
        copy.setOnAction(e -> Clipboards.putText(vm.rbacCommandsProperty().get()));
        Label caveat = new Label(texts.get("appsetup.rbac.caveat"));
        caveat.setWrapText(true);
        caveat.getStyleClass().addAll("feedback", "warning");
        VBox rbac = new VBox(4, rbacIntro, commands, copy, caveat, consentRemoval());
        bindVisible(rbac, vm.rbacCommandsProperty().isNotEmpty());

        Hyperlink consent = new Hyperlink(texts.get("appsetupui.consentLink"));
        consent.setId("consentLink");
        consent.setWrapText(true);
        consent.setOnAction(e -> Clipboards.putText(vm.consentLinkProperty().get()));
        bindVisible(consent, vm.consentLinkProperty().isNotEmpty());
        return new VBox(10, secretBox, consent, rbac);
    }

    /** The last step of least privilege: how the app was limited, then the removal as its own plan. */
    private VBox consentRemoval() {
        Label question = new Label(texts.get("appsetupui.scoping.question"));
        question.setWrapText(true);
        ToggleGroup how = new ToggleGroup();
        RadioButton rbac = new RadioButton(texts.get("appsetupui.scoping.rbac"));
        rbac.setId("scopingRbac");
        rbac.setUserData(MailboxScoping.RBAC_FOR_APPLICATIONS);
        RadioButton policy = new RadioButton(texts.get("appsetupui.scoping.accessPolicy"));
        policy.setId("scopingAccessPolicy");
        policy.setUserData(MailboxScoping.APPLICATION_ACCESS_POLICY);
        rbac.setToggleGroup(how);
        policy.setToggleGroup(how);
        how.selectedToggleProperty().addListener((o, was, now) ->
                vm.scopingProperty().set(now == null ? MailboxScoping.NONE : (MailboxScoping) now.getUserData()));
        Label keep = new Label(texts.get("appsetup.removeConsent.accessPolicy"));
        keep.setWrapText(true);
        keep.getStyleClass().add("hint");
        bindVisible(keep, policy.selectedProperty());
        CheckBox checked = new CheckBox(texts.get("appsetupui.scoping.checked"));
        checked.setId("scopeChecked");
        checked.setWrapText(true);
        checked.selectedProperty().bindBidirectional(vm.scopeCheckedProperty());
        bindVisible(checked, rbac.selectedProperty());
        Label consequence = new Label(texts.get("appsetupui.removeConsent.consequence"));
        consequence.setWrapText(true);
        consequence.getStyleClass().addAll("feedback", "warning");
        bindVisible(consequence, rbac.selectedProperty());
        Button remove = new Button(texts.get("appsetupui.removeConsent"));
        remove.setId("removeConsentButton");
        remove.setOnAction(e -> vm.planConsentRemoval());
        remove.disableProperty().bind(vm.canRemoveConsent().not());
        bindVisible(remove, rbac.selectedProperty());
        return new VBox(6, question, rbac, policy, keep, checked, consequence, remove);
    }

    private static void fill(VBox box, java.util.List<String> lines, String styleClass) {
        box.getChildren().removeIf(n -> n.getStyleClass().contains(styleClass));
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add(styleClass);
            box.getChildren().add(l);
        }
    }

    private static void bindVisible(javafx.scene.Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static void bindVisible(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
