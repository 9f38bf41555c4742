// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * ControlsFX validation shown the AtlantaFX way: the field's own danger/warning state (red or amber
 * border) and the message as its tooltip. ControlsFX's default graphic decoration re-parents nodes in
 * a way that breaks the theme's looked-up colours; this one only flips pseudo-classes.
 */
public final class ThemedValidationDecoration implements ValidationDecoration {

    private static final String TOOLTIP_KEY = ThemedValidationDecoration.class.getName();

    @Override
    public void removeDecorations(Control control) {
        control.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        control.pseudoClassStateChanged(Styles.STATE_WARNING, false);
        if (control.getProperties().remove(TOOLTIP_KEY) != null) {
            control.setTooltip(null);
        }
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control control = message.getTarget();
        boolean error = message.getSeverity() == Severity.ERROR;
        control.pseudoClassStateChanged(error ? Styles.STATE_DANGER : Styles.STATE_WARNING, true);
        Tooltip tooltip = new Tooltip(message.getText());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        control.getProperties().put(TOOLTIP_KEY, tooltip);
        control.setTooltip(tooltip);
    }

    @Override
    public void applyRequiredDecoration(Control control) {
        // Required fields say so in the text under them; nothing to draw.
    }
}
