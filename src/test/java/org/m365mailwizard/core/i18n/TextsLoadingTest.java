// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Texts whose bundles another thread reads say the same as texts read at once, and wait for what they need. */
class TextsLoadingTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void loadedBesideTheCallerTheyGiveTheSameTextForEveryKey(Language language) throws Exception {
        Texts now = new Texts(language);
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try {
            Texts beside = new Texts(language, loader).forFace(".cli");
            var keys = Collections.list(now.asBundle().getKeys());
            assertThat(keys).hasSizeGreaterThan(1000);
            assertThat(Collections.list(beside.asBundle().getKeys())).containsExactlyInAnyOrderElementsOf(keys);
            Texts nowCli = now.forFace(".cli");
            for (String key : keys) {
                assertThat(beside.raw(key)).as(key).isEqualTo(nowCli.raw(key));
            }
        } finally {
            loader.shutdownNow();
        }
    }

    @Test
    void aLookupWaitsUntilTheLoaderHasReadTheBundles() throws Exception {
        Queue<Runnable> pending = new ArrayDeque<>();
        Executor later = pending::add;
        Texts texts = new Texts(Language.ENGLISH, later);
        assertThat(pending).hasSize(Texts.BUNDLES.size());

        CompletableFuture<String> lookup = new CompletableFuture<>();
        Thread reader = new Thread(() -> lookup.complete(texts.get("cli.error.unexpected")));
        reader.start();
        // The reader parks waiting for the first bundle; a lookup that did not wait would finish instead.
        while (reader.getState() != Thread.State.WAITING && !lookup.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(lookup).isNotDone();

        pending.forEach(Runnable::run);
        assertThat(lookup.get(10, TimeUnit.SECONDS)).isEqualTo(new Texts(Language.ENGLISH).get("cli.error.unexpected"))
                .isNotEqualTo("cli.error.unexpected");
    }
}
