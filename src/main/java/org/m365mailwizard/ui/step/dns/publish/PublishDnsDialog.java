// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns.publish;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.publish.AzureDnsProvider;
import org.m365mailwizard.core.publish.CloudflareProvider;
import org.m365mailwizard.ui.common.AppStyles;

/**
 * "Publish at my DNS host", opened from the DNS step: provider and credential, the dry-run diff,
 * Apply (with its own tick when mail would move), progress and verification, Undo. Closing the
 * window cancels what runs.
 */
public final class PublishDnsDialog {

    private PublishDnsDialog() {
    }

    public static Stage open(Window owner, PublishDnsViewModel vm, Texts texts) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        show(stage, vm, texts);
        return stage;
    }

    /** Builds the view into {@code stage} and shows it (tests pass TestFX's stage). */
    public static void show(Stage stage, PublishDnsViewModel vm, Texts texts) {
        Label intro = new Label(texts.get("publish.ui.intro", vm.domain()));
        intro.setWrapText(true);

        ChoiceBox<String> provider = new ChoiceBox<>(FXCollections.observableArrayList(CloudflareProvider.ID, AzureDnsProvider.ID));
        provider.setId("publishProvider");
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : texts.get("publish.ui.provider." + id);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        PasswordField token = new PasswordField();
        token.setId("publishToken");
        token.setPromptText(texts.get("publish.ui.token.prompt"));
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.visibleProperty().bind(vm.providerProperty().isEqualTo(CloudflareProvider.ID));
        token.managedProperty().bind(token.visibleProperty());
        HBox.setHgrow(token, Priority.ALWAYS);
        HBox hostRow = new HBox(10, new Label(texts.get("publish.ui.provider")), provider, token);

        Label signIn = new Label();
        signIn.setId("publishSignIn");
        signIn.setWrapText(true);
        signIn.textProperty().bind(vm.signInProperty());

        CheckBox replaceDmarc = new CheckBox(texts.get("publish.ui.replaceDmarc"));
        replaceDmarc.selectedProperty().bindBidirectional(vm.replaceDmarcProperty());
        CheckBox moveMail = new CheckBox(texts.get("publish.ui.moveMail"));
        moveMail.setId("publishMoveMail");
        moveMail.selectedProperty().bindBidirectional(vm.moveMailProperty());
        moveMail.visibleProperty().bind(vm.movesMailProperty());
        moveMail.managedProperty().bind(moveMail.visibleProperty());

        ListView<String> lines = new ListView<>(vm.lines());
        lines.setId("publishLines");
        VBox.setVgrow(lines, Priority.ALWAYS);

        Button plan = button("publishPlan", texts.get("publish.ui.plan"), vm::plan);
        plan.disableProperty().bind(vm.runningProperty());
        Button apply = button("publishApply", texts.get("publish.ui.apply"), vm::apply);
        apply.disableProperty().bind(vm.runningProperty().or(vm.planReadyProperty().not())
                .or(vm.movesMailProperty().and(vm.moveMailProperty().not())));
        Button undo = button("publishUndo", texts.get("publish.ui.undo"), vm::undo);
        undo.disableProperty().bind(vm.runningProperty().or(vm.undoableProperty().not()));
        Button cancel = button("publishCancel", texts.get("publish.ui.cancel"), vm::cancel);
        cancel.visibleProperty().bind(vm.runningProperty());
        Button close = button("publishClose", texts.get("publish.ui.close"), stage::close);
        HBox buttons = new HBox(10, plan, apply, undo, cancel, close);

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("publishStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        VBox root = new VBox(10, intro, hostRow, signIn, replaceDmarc, moveMail, buttons, progress, status, lines);
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 860, 620);
        AppStyles.apply(scene);
        stage.setTitle(texts.get("publish.ui.title", vm.domain()));
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
