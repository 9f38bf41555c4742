// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.Optional;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.dns.DnsServerAddress;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.Dialogs;
import org.m365mailwizard.ui.common.Labels;
import org.m365mailwizard.ui.common.Themes;

/**
 * The wizard's settings: the theme (follow the system, light, dark) and the DNS server the checks ask
 * (empty for the system's resolvers). OK stays disabled while the server is not an address.
 */
final class SettingsDialog {

    /** Only addresses: a host name would have to be resolved, which the settings window must not wait for. */
    private static final Pattern IP_SERVER = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private SettingsDialog() {
    }

    /** Why the text is not a usable DNS server, or empty when it is (blank means the system's resolvers). */
    static Optional<Message> serverProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (!IP_SERVER.matcher(value).matches()) {
            return Optional.of(Message.of("settings.dnsServer.notAddress", value));
        }
        return DnsServerAddress.parse(value) instanceof DnsServerAddress.Invalid invalid
                ? Optional.of(invalid.reason()) : Optional.empty();
    }

    /** Shows the dialog; the changed preferences, or empty when the user cancels. */
    static Optional<Preferences> show(Window owner, Texts texts, Preferences current) {
        Dialog<Preferences> dialog = new Dialog<>();
        dialog.initOwner(owner);
        AppStyles.apply(dialog.getDialogPane());
        dialog.setTitle(texts.get("settings.title"));
        dialog.setHeaderText(texts.get("settings.header"));
        ButtonType save = new ButtonType(texts.get("settings.save"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("settings.cancel"), ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);

        ComboBox<Themes.Choice> theme = new ComboBox<>(FXCollections.observableArrayList(Themes.Choice.values()));
        theme.setId("themeChoice");
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Themes.Choice choice) {
                return choice == null ? "" : texts.get("settings.theme." + choice.id());
            }

            @Override
            public Themes.Choice fromString(String text) {
                return null;
            }
        });
        theme.setValue(Themes.Choice.fromId(current.theme()));
        Label themeLabel = new Label(texts.get("settings.theme"));
        themeLabel.setLabelFor(theme);
        themeLabel.setMnemonicParsing(true);
        themeLabel.setMinWidth(Label.USE_PREF_SIZE);

        TextField server = new TextField(current.dnsServer().orElse(""));
        server.setId("dnsServerField");
        server.setPromptText(texts.get("settings.dnsServer.prompt"));
        Label serverLabel = new Label(texts.get("settings.dnsServer"));
        serverLabel.setLabelFor(server);
        serverLabel.setMnemonicParsing(true);
        serverLabel.setMinWidth(Label.USE_PREF_SIZE);
        Label serverHint = Labels.wrapped(texts.get("settings.dnsServer.hint"), "hint");
        Label serverProblem = Labels.wrapped("", "feedback");
        serverProblem.getStyleClass().add("error");
        serverProblem.setId("dnsServerProblem");
        server.textProperty().addListener((obs, old, now) ->
                serverProblem.setText(serverProblem(now).map(texts::format).orElse("")));
        serverProblem.managedProperty().bind(serverProblem.textProperty().isNotEmpty());
        serverProblem.visibleProperty().bind(serverProblem.managedProperty());
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(serverProblem.textProperty().isNotEmpty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        grid.addRow(0, themeLabel, theme);
        grid.add(Labels.wrapped(texts.get("settings.theme.hint"), "hint"), 1, 1);
        grid.addRow(2, serverLabel, server);
        grid.add(serverProblem, 1, 3);
        grid.add(serverHint, 1, 4);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.setResizable(true);
        Dialogs.fitButtons(dialog.getDialogPane());
        // The error line below the field must not push Save and Cancel out of the window.
        Dialogs.growWith(dialog.getDialogPane(), serverProblem.textProperty());
        dialog.setResultConverter(button -> button == save
                ? current.withTheme(theme.getValue().id()).withDnsServer(server.getText()) : null);
        return dialog.showAndWait();
    }
}
