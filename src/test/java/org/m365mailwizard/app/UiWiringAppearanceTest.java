// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;

/** The window's first question about the system's appearance takes the launcher's answer; later ones ask the system. */
class UiWiringAppearanceTest {

    @TempDir
    Path home;

    private AppContext context;
    private final AtomicInteger asked = new AtomicInteger();
    private final BooleanSupplier systemSaysLight = () -> {
        asked.incrementAndGet();
        return false;
    };

    @AfterEach
    void close() {
        context.close();
    }

    private UiWiring wiring(CompletableFuture<Boolean> atStart) {
        context = new AppContext(new Texts(Language.ENGLISH), new UserDirs(home.resolve("config"), home.resolve("state")),
                Map.of(), Clock.systemUTC(), uri -> true);
        return new UiWiring(context, FileDialogs.system(), atStart, systemSaysLight);
    }

    @Test
    void theFirstQuestionTakesTheLaunchersAnswerAndLaterOnesAskTheSystem() {
        UiWiring wiring = wiring(CompletableFuture.completedFuture(true));

        assertThat(wiring.systemPrefersDark()).isTrue();
        assertThat(asked).hasValue(0);
        assertThat(wiring.systemPrefersDark()).isFalse();
        assertThat(wiring.systemPrefersDark()).isFalse();
        assertThat(asked).hasValue(2);
    }

    @Test
    void whenTheLauncherDidNotAskTheSystemIsAsked() {
        UiWiring wiring = wiring(CompletableFuture.completedFuture(null));

        assertThat(wiring.systemPrefersDark()).isFalse();
        assertThat(asked).hasValue(1);
    }

    @Test
    void theFirstQuestionWaitsForTheLaunchersQuestionStillRunningRatherThanAskingTwice() throws Exception {
        CompletableFuture<Boolean> running = new CompletableFuture<>();
        UiWiring wiring = wiring(running);
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(wiring::systemPrefersDark);

        running.complete(true);

        assertThat(answer.get()).isTrue();
        assertThat(asked).hasValue(0);
    }
}
