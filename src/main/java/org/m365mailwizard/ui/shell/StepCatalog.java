// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * The wizard's steps, in order: the one extension point for steps. It is built in the composition
 * root ({@code app.UiWiring}), which is also where each step's controller gets its services.
 *
 * <p>To add a step {@code x} (package {@code ui.step.x} with {@code XStep.fxml}, {@code XStepController
 * implements WizardStep}, {@code XStepViewModel}):
 * <ol>
 *   <li>in {@code UiWiring#steps()}, replace the placeholder for the id with
 *       {@code .step("x", loader -> loader.load(XStepController.class, "XStep.fxml").controller())};</li>
 *   <li>in {@code UiWiring#controllerFactory}, add one branch constructing {@code XStepController} with
 *       its view model (from the shared {@link WizardModel}) and services.</li>
 * </ol>
 * Factories run once per window build (and again after a language switch, with the new texts), so
 * a step must keep its state in the {@link WizardModel}, not in the controller. A step may return
 * {@link #titleKey(String)} from {@link WizardStep#titleKey()}: the shell's bundle has those titles.
 */
public final class StepCatalog {

    /** The ids of the six steps, in order. */
    public static final List<String> STEP_IDS = List.of("domain", "app", "consent", "dns", "mail", "export");

    private static final String TITLE_PREFIX = "step.title.";

    /**
     * The steps that need fewer earlier steps than all of them. DNS reads only the domain (cloud and
     * tenant are optional to it); an export without the secret and the summary need no sign-in. So a
     * resumed setup, whose client secret is never saved, can check DNS or export without typing it.
     */
    private static final Map<String, List<String>> NEEDS = Map.of(
            "dns", List.of("domain"),
            "export", List.of("domain"),
            "summary", List.of("domain"));

    /** Creates a step's controller (and so its view) with the window's loader. */
    @FunctionalInterface
    public interface StepFactory {
        WizardStep create(ViewLoader loader);
    }

    /** One step: its id and how to create it. */
    public record Entry(String id, StepFactory factory) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(factory, "factory");
        }
    }

    private final List<Entry> entries;

    private StepCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The ids among {@code earlier} (the steps before {@code stepId}, in order) that must be complete before it opens. */
    public static List<String> needs(String stepId, List<String> earlier) {
        List<String> named = NEEDS.get(stepId);
        return named == null ? List.copyOf(earlier) : earlier.stream().filter(named::contains).toList();
    }

    /** The shell's title key for a step id, e.g. {@code step.title.dns}. */
    public static String titleKey(String stepId) {
        return TITLE_PREFIX + stepId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the steps in order; {@link #step} for a real step, {@link #placeholder} until it exists. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder step(String id, StepFactory factory) {
            if (entries.stream().anyMatch(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("step registered twice: " + id);
            }
            entries.add(new Entry(id, factory));
            return this;
        }

        /** A step that only says what it will do ({@link PlaceholderStep}). */
        public Builder placeholder(String id) {
            return step(id, loader -> new PlaceholderStep(id, loader.texts()));
        }

        public StepCatalog build() {
            if (entries.isEmpty()) {
                throw new IllegalStateException("a wizard needs at least one step");
            }
            return new StepCatalog(entries);
        }
    }
}
