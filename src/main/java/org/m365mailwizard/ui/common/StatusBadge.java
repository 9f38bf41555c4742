// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;

/**
 * A check's state as an icon with its word beside it, never colour alone: a distinct shape per state
 * (tick, triangle, cross, circle, dot), drawn as a path so it does not depend on a font having the
 * glyph, and the word for screen readers too. Style classes {@code status-pass} ... {@code status-pending}.
 */
public final class StatusBadge {

    private static final String ICON_PASS = "M2 8 L6 12 L14 3 L16 5 L6 16 L0 10 Z";
    private static final String ICON_WARN = "M8 0 L16 15 L0 15 Z M7 5 L9 5 L9 10 L7 10 Z M7 11 L9 11 L9 13 L7 13 Z";
    private static final String ICON_FAIL = "M2 0 L8 6 L14 0 L16 2 L10 8 L16 14 L14 16 L8 10 L2 16 L0 14 L6 8 L0 2 Z";
    private static final String ICON_ERROR = "M8 0 A8 8 0 1 1 7.99 0 Z M7 3 L9 3 L9 9 L7 9 Z M7 11 L9 11 L9 13 L7 13 Z";
    private static final String ICON_PENDING = "M8 5 A3 3 0 1 1 7.99 5 Z";
    /** A clock: the result is from an earlier moment. */
    private static final String ICON_STALE = "M8 0 A8 8 0 1 1 7.99 0 Z M8 2 A6 6 0 1 0 8.01 2 Z M7 4 L9 4 L9 8 L12 8 L12 10 L7 10 Z";

    private StatusBadge() {
    }

    /** The key of a state's word: {@code status.word.pass} ... {@code status.word.pending} (null status = not checked yet). */
    public static String wordKey(Status status) {
        return "status.word." + kind(status);
    }

    /** The style-class suffix of a state: {@code pass}, {@code warn}, {@code fail}, {@code error}, {@code pending}. */
    public static String kind(Status status) {
        return status == null ? "pending" : status.jsonName();
    }

    /** The state's shape alone (style class {@code status-icon}), for a label that words the state itself. */
    public static SVGPath icon(Status status) {
        SVGPath icon = new SVGPath();
        icon.setContent(switch (kind(status)) {
            case "pass" -> ICON_PASS;
            case "warn" -> ICON_WARN;
            case "fail" -> ICON_FAIL;
            case "error" -> ICON_ERROR;
            default -> ICON_PENDING;
        });
        icon.getStyleClass().add("status-icon");
        return icon;
    }

    /** A whole step's state (step list, summary): its icon and word, styled like a check's. */
    public static Label of(StepStatus state, Texts texts) {
        SVGPath icon = state == StepStatus.STALE ? icon(null) : icon(switch (state) {
            case PASSED -> Status.PASS;
            case WARNING -> Status.WARN;
            case FAILED -> Status.FAIL;
            default -> null;
        });
        if (state == StepStatus.STALE) {
            icon.setContent(ICON_STALE);
        }
        String word = texts.get(state.wordKey());
        Label label = new Label(word, icon);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("status-badge", "status-" + state.kind());
        label.setAccessibleText(texts.get("status.accessible", word));
        return label;
    }

    /** A label with the state's icon and word; its accessible text says "Status: ..." with the word. */
    public static Label of(Status status, Texts texts) {
        String kind = kind(status);
        String word = texts.get(wordKey(status));
        Label label = new Label(word, icon(status));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("status-badge", "status-" + kind);
        label.setAccessibleText(texts.get("status.accessible", word));
        return label;
    }
}
