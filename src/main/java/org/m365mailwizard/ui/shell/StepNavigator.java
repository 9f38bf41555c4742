// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * Which step is shown and where the user may go: back always, forward only past steps that can
 * advance (so a later step never sees invalid input from an earlier one). Holds no nodes.
 */
final class StepNavigator {

    private final List<WizardStep> steps;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    StepNavigator(List<WizardStep> steps) {
        this.steps = List.copyOf(steps);
        canGoBack = current.greaterThan(0);
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(current);
        this.steps.forEach(s -> dependencies.add(s.canAdvance()));
        canGoNext = Bindings.createBooleanBinding(() -> {
            int i = current.get();
            return i >= 0 && i < this.steps.size() - 1 && this.steps.get(i).canAdvance().get();
        }, dependencies.toArray(Observable[]::new));
    }

    List<WizardStep> steps() {
        return steps;
    }

    ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    WizardStep currentStep() {
        return steps.get(current.get());
    }

    BooleanBinding canGoBack() {
        return canGoBack;
    }

    BooleanBinding canGoNext() {
        return canGoNext;
    }

    /** True when every step before {@code index} can advance (or the user is already past it). */
    boolean canReach(int index) {
        if (index < 0 || index >= steps.size()) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (!steps.get(i).canAdvance().get()) {
                return false;
            }
        }
        return true;
    }

    /** Shows a step if reachable; {@code left()} runs on the old step, {@code entered()} on the new. */
    boolean goTo(int index) {
        if (index == current.get() || !(index < current.get() || canReach(index))) {
            return false;
        }
        if (index < 0 || index >= steps.size()) {
            return false;
        }
        if (current.get() >= 0) {
            steps.get(current.get()).left();
        }
        current.set(index);
        steps.get(index).entered();
        return true;
    }

    boolean next() {
        return canGoNext.get() && goTo(current.get() + 1);
    }

    boolean back() {
        return canGoBack.get() && goTo(current.get() - 1);
    }

    /** The window closes or is rebuilt: the shown step stops its work. */
    void leave() {
        if (current.get() >= 0) {
            steps.get(current.get()).left();
        }
    }
}
