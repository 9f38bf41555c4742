// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * Which step is shown and where the user may go: a step opens once every earlier step it needs can
 * advance (so a step never sees invalid input from one it depends on). By default a step needs every
 * step before it; one that needs fewer (the DNS step needs only the domain) stays open when an
 * unrelated earlier step is incomplete, e.g. a resumed setup whose client secret is not typed yet.
 * Back and Next move to the nearest step that can be opened. Holds no nodes.
 */
final class StepNavigator {

    private final List<WizardStep> steps;
    /**
     * Each step's {@link WizardStep#canAdvance()} asked once and kept: a step may build a new binding per
     * call, and a binding that is never read again never reports a change, so read and watch the same one.
     */
    private final List<ObservableBooleanValue> canAdvance;
    /** For each step, the indices of the earlier steps it needs. */
    private final List<List<Integer>> needs;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    /** Every step needs every step before it. */
    StepNavigator(List<WizardStep> steps) {
        this(steps, IntStream.range(0, steps.size()).mapToObj(i -> IntStream.range(0, i).boxed().toList()).toList());
    }

    /** @param needs for each step, the indices of the earlier steps that must be able to advance before it opens */
    StepNavigator(List<WizardStep> steps, List<List<Integer>> needs) {
        this.steps = List.copyOf(steps);
        this.needs = needs.stream().map(List::copyOf).toList();
        if (this.needs.size() != this.steps.size()) {
            throw new IllegalArgumentException("one list of needs per step");
        }
        this.canAdvance = this.steps.stream().map(WizardStep::canAdvance).toList();
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(current);
        dependencies.addAll(canAdvance);
        Observable[] all = dependencies.toArray(Observable[]::new);
        canGoBack = Bindings.createBooleanBinding(() -> previousReachable().isPresent(), all);
        canGoNext = Bindings.createBooleanBinding(() -> {
            int i = current.get();
            return i >= 0 && canAdvance.get(i).get() && nextReachable().isPresent();
        }, all);
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

    /** True when every earlier step that the step at {@code index} needs can advance. */
    boolean canReach(int index) {
        return index >= 0 && index < steps.size() && firstMissing(index).isEmpty();
    }

    /** The first earlier step that keeps the step at {@code index} from opening, if any. */
    OptionalInt firstMissing(int index) {
        return needs.get(index).stream().mapToInt(Integer::intValue).filter(i -> !canAdvance.get(i).get()).findFirst();
    }

    /** The nearest step after the shown one that can be opened (steps that cannot are passed over). */
    OptionalInt nextReachable() {
        return IntStream.range(current.get() + 1, steps.size()).filter(this::canReach).findFirst();
    }

    private OptionalInt previousReachable() {
        return IntStream.iterate(current.get() - 1, i -> i >= 0, i -> i - 1).filter(this::canReach).findFirst();
    }

    /** Whether the step at {@code index} can be left forward now (the kept binding, see {@link #canAdvance}). */
    ObservableBooleanValue canAdvance(int index) {
        return canAdvance.get(index);
    }

    /** Shows a step if reachable; {@code left()} runs on the old step, {@code entered()} on the new. */
    boolean goTo(int index) {
        if (index == current.get() || !canReach(index)) {
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
        return canGoNext.get() && goTo(nextReachable().getAsInt());
    }

    boolean back() {
        return canGoBack.get() && goTo(previousReachable().getAsInt());
    }

    /** The window closes or is rebuilt: the shown step stops its work, then every step lets go of its own. */
    void leave() {
        if (current.get() >= 0) {
            steps.get(current.get()).left();
        }
        steps.forEach(WizardStep::disposed);
    }
}
