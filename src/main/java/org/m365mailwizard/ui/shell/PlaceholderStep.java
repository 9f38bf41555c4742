// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.WizardStep;

/** A step that is not built yet: it says what it will do, and lets the user go on. */
final class PlaceholderStep implements WizardStep {

    private static final String DESCRIPTION_PREFIX = "step.placeholder.";

    private final String id;
    private final VBox view;

    PlaceholderStep(String id, Texts texts) {
        this.id = id;
        Label description = new Label(texts.get(DESCRIPTION_PREFIX + id));
        description.setWrapText(true);
        description.getStyleClass().add("step-description");
        Label notYet = new Label(texts.get("shell.placeholder.notYet"));
        notYet.setWrapText(true);
        notYet.getStyleClass().add("hint");
        view = new VBox(12, description, notYet);
        view.getStyleClass().add("placeholder-step");
    }

    @Override
    public String titleKey() {
        return StepCatalog.titleKey(id);
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return new ReadOnlyBooleanWrapper(true);
    }
}
