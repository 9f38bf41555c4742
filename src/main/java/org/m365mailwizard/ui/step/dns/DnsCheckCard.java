// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Labels;
import org.m365mailwizard.ui.common.StatusBadge;

/**
 * One check as a card: its state (icon and word) and name, a verdict in a sentence, and details on
 * demand (what Microsoft expects, what was found, the record to publish with its own Copy, notes).
 * Values longer than a line (DKIM keys) are shortened, with the whole value one click away.
 */
final class DnsCheckCard {

    /** Longer values are shortened to this many characters until the user asks for all of them. */
    static final int SHORT = 160;

    private DnsCheckCard() {
    }

    /**
     * @param copy puts a text on the clipboard and confirms with the second argument
     */
    static VBox of(DnsCheckRow row, Texts texts, BiConsumer<String, String> copy) {
        Label state = StatusBadge.of(row.status(), texts);
        state.setText(row.statusText());
        state.setId("status-" + row.id());
        // A screen reader says which check and its state; the icon alone says nothing.
        state.setAccessibleText(texts.get("status.accessible.check", row.name(), row.statusText()));
        Label name = Labels.wrapped(row.name(), "dns-card-name");
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox head = new HBox(12, state, name);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(6, head);
        card.setId("card-" + row.id());
        card.getStyleClass().addAll("dns-card", "status-" + StatusBadge.kind(row.status()));
        if (!row.message().isEmpty()) {
            Label verdict = Labels.wrapped(row.message(), "dns-verdict");
            verdict.setId("verdict-" + row.id());
            card.getChildren().add(verdict);
        }
        VBox details = details(row, texts, copy);
        if (!details.getChildren().isEmpty()) {
            TitledPane more = new TitledPane(texts.get("dnsui.details"), details);
            more.setId("details-" + row.id());
            more.setExpanded(false);
            more.setAnimated(false);
            more.getStyleClass().add("dns-details");
            more.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(more);
        }
        return card;
    }

    private static VBox details(DnsCheckRow row, Texts texts, BiConsumer<String, String> copy) {
        VBox box = new VBox(8);
        if (row.status() == null) {
            return box;
        }
        if (!row.expected().isEmpty()) {
            box.getChildren().add(field(texts.get("dnsui.column.expected"), row.expected(), texts, row.id() + "-expected"));
        }
        if (!row.found().isEmpty()) {
            box.getChildren().add(field(texts.get("dnsui.column.found"), row.found(), texts, row.id() + "-found"));
        }
        if (row.hasFix()) {
            VBox fix = field(texts.get("dnsui.column.fix"), row.fix(), texts, row.id() + "-fix");
            Button button = new Button(texts.get("dnsui.copy"));
            button.setId("copy-" + row.id());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setAccessibleText(texts.get("dnsui.copy.accessible", row.name()));
            button.setOnAction(e -> copy.accept(row.fix(), texts.get("dnsui.copied.one", row.name())));
            fix.getChildren().add(button);
            box.getChildren().add(fix);
        }
        if (!row.notes().isEmpty()) {
            box.getChildren().add(Labels.wrapped(row.notes(), "dns-note"));
        }
        return box;
    }

    /** A titled value; shortened when long, with a link that shows (and again hides) the whole of it. */
    private static VBox field(String title, String value, Texts texts, String id) {
        Label heading = Labels.wrapped(title, "dns-field-title");
        String shortened = shorten(value);
        Label text = Labels.wrapped(shortened, "dns-record");
        text.setId("value-" + id);
        VBox box = new VBox(2, heading, text);
        if (!shortened.equals(value)) {
            Hyperlink whole = new Hyperlink(texts.get("dnsui.value.showAll", value.length()));
            whole.setId("whole-" + id);
            whole.setOnAction(e -> {
                boolean showingAll = text.getText().equals(value);
                text.setText(showingAll ? shortened : value);
                whole.setText(showingAll ? texts.get("dnsui.value.showAll", value.length())
                        : texts.get("dnsui.value.showLess"));
            });
            box.getChildren().add(whole);
        }
        return box;
    }

    /** Each line longer than {@link #SHORT} keeps its start and end around an ellipsis. */
    static String shorten(String value) {
        StringBuilder out = new StringBuilder();
        for (String line : value.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.length() <= SHORT ? line
                    : line.substring(0, SHORT - 40) + " … " + line.substring(line.length() - 36));
        }
        return out.toString();
    }

    /** The one line shown instead of five cards when the domain does not exist. */
    static Node skipped(Texts texts, int count) {
        Label line = Labels.wrapped(texts.get("dnsui.noDomain.others", count), "hint");
        line.setId("dns-skipped");
        return line;
    }
}
