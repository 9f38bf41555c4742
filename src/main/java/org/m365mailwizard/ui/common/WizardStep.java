// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;

/**
 * What the wizard shell needs from a step: its view, whether Next may be pressed, and hooks for
 * entering and leaving. Each step is one FXML with a thin controller implementing this, its state in
 * a view model that reads and writes the shared {@code WizardModel}.
 */
public interface WizardStep {

    /** The bundle key of the step's title, shown in the step list and the header. */
    String titleKey();

    Parent view();

    /** True when the step's input is valid enough to go on. */
    ObservableBooleanValue canAdvance();

    /** Called each time the step is shown (e.g. to refresh what depends on earlier steps). */
    default void entered() {
    }

    /** Called when the user leaves the step or closes the window: cancel running work here. */
    default void left() {
    }

    /**
     * Called for every step when the window closes or is rebuilt (language switch, new setup), after
     * {@link #left()} on the shown one: a step that lets harmless work finish in the background when
     * the user moves on (the DNS check) cancels it here.
     */
    default void disposed() {
    }
}
