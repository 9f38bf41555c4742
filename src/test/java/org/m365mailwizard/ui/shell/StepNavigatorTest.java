// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.ui.common.WizardStep;

/** Where the user may go when a step needs fewer earlier steps than all of them (no toolkit needed). */
class StepNavigatorTest {

    private static final class Step implements WizardStep {
        final SimpleBooleanProperty valid = new SimpleBooleanProperty(true);

        @Override
        public String titleKey() {
            return "x";
        }

        @Override
        public Parent view() {
            return null;
        }

        @Override
        public ObservableBooleanValue canAdvance() {
            return valid;
        }
    }

    private final List<Step> steps = List.of(new Step(), new Step(), new Step(), new Step(), new Step());
    private final List<String> ids = List.of("domain", "app", "consent", "dns", "summary");
    private final StepNavigator navigator = new StepNavigator(List.copyOf(steps), ids.stream()
            .map(id -> StepCatalog.needs(id, ids.subList(0, ids.indexOf(id))).stream().map(ids::indexOf).toList())
            .toList());

    @Test
    void anIncompleteStepBlocksOnlyTheStepsThatNeedIt() {
        steps.get(1).valid.set(false); // step 2 without its secret
        navigator.goTo(3);

        assertThat(navigator.canReach(2)).isFalse();
        assertThat(navigator.firstMissing(2)).hasValue(1);
        assertThat(navigator.canReach(3)).isTrue();
        assertThat(navigator.canReach(4)).isTrue();
        assertThat(navigator.back()).isTrue();
        assertThat(navigator.currentProperty().get()).as("passes over step 3").isEqualTo(1);
        assertThat(navigator.canGoNext().get()).as("step 2 itself is incomplete").isFalse();
        assertThat(navigator.goTo(3)).isTrue();
        assertThat(navigator.next()).isTrue();
        assertThat(navigator.currentProperty().get()).isEqualTo(4);
    }

    @Test
    void step1IncompleteBlocksEverything() {
        navigator.goTo(0);
        steps.get(0).valid.set(false);
        assertThat(List.of(1, 2, 3, 4)).noneMatch(navigator::canReach);
        assertThat(navigator.canGoNext().get()).isFalse();
    }

    @Test
    void aStepNotNamedNeedsEveryStepBeforeIt() {
        assertThat(StepCatalog.needs("mail", List.of("domain", "app", "consent", "dns")))
                .containsExactly("domain", "app", "consent", "dns");
        assertThat(StepCatalog.needs("dns", List.of("domain", "app", "consent"))).containsExactly("domain");
    }
}
