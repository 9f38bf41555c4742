// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.Themes;

/**
 * Keeps the theme as the user chose it: light, dark, or the system's appearance. The system is asked
 * off the FX thread, when the choice is made and again when the window comes back to the front (not
 * more often than {@link #RECHECK}), so a switch of the OS to dark mode reaches an open wizard too.
 */
final class ThemeFollower {

    static final Duration RECHECK = Duration.ofSeconds(30);

    private final FxTasks tasks;
    private final BooleanSupplier systemPrefersDark;
    private final Clock clock;
    private Themes.Choice choice = Themes.Choice.SYSTEM;
    private Instant lastAsked = Instant.MIN;
    private boolean asking;

    ThemeFollower(FxTasks tasks, BooleanSupplier systemPrefersDark, Clock clock) {
        this.tasks = tasks;
        this.systemPrefersDark = systemPrefersDark;
        this.clock = clock;
    }

    void follow(Themes.Choice chosen) {
        choice = chosen;
        switch (chosen) {
            case LIGHT -> Themes.apply(false);
            case DARK -> Themes.apply(true);
            case SYSTEM -> askSystem();
        }
    }

    /** The window was focused: the system may have changed its appearance meanwhile. */
    void windowFocused() {
        if (choice == Themes.Choice.SYSTEM && Duration.between(lastAsked, clock.instant()).compareTo(RECHECK) >= 0) {
            askSystem();
        }
    }

    private void askSystem() {
        if (asking) {
            return;
        }
        asking = true;
        lastAsked = clock.instant();
        tasks.run(systemPrefersDark::getAsBoolean)
                .onSuccess(dark -> {
                    if (choice == Themes.Choice.SYSTEM) {
                        Themes.apply(dark);
                    }
                })
                .onError(error -> { })
                .andFinally(() -> asking = false)
                .start();
    }
}
