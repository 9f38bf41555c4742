// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work off the FX thread and delivers the outcome on it (after Cryptomator's {@code Tasks} and
 * JabRef's {@code BackgroundTask}). Tests pass same-thread executors, so view models are tested
 * without a toolkit. A cancelled task delivers nothing: a late answer cannot overwrite newer state.
 */
public final class FxTasks {

    private static final Logger LOG = LoggerFactory.getLogger(FxTasks.class);

    private final Executor background;
    private final Executor fxThread;

    public FxTasks(Executor background, Executor fxThread) {
        this.background = Objects.requireNonNull(background);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    /** Background work on the given executor, results on the JavaFX application thread. */
    public static FxTasks onFxThread(Executor background) {
        return new FxTasks(background, Platform::runLater);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static FxTasks sameThread() {
        return new FxTasks(Runnable::run, Runnable::run);
    }

    /** Blocking work, run on the background executor. */
    public <T> Builder<T> run(Callable<T> work) {
        return new Builder<>(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background));
    }

    /** Work that is already asynchronous (a core API returning a stage); started on the background executor. */
    public <T> Builder<T> runAsync(Supplier<? extends CompletionStage<T>> work) {
        return new Builder<>(() -> CompletableFuture.supplyAsync(work, background).thenCompose(s -> s));
    }

    /** Configures callbacks, then {@link #start()}s. */
    public final class Builder<T> {
        private final Supplier<CompletionStage<T>> starter;
        private Consumer<T> onSuccess = value -> { };
        private Consumer<Throwable> onError = error -> LOG.error("Background task failed", error);
        private Runnable andFinally = () -> { };

        private Builder(Supplier<CompletionStage<T>> starter) {
            this.starter = starter;
        }

        public Builder<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Receives the cause, unwrapped from {@link CompletionException}. */
        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs after success or error (not after cancel), e.g. to clear a "running" flag. */
        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        public Handle start() {
            AtomicBoolean cancelled = new AtomicBoolean();
            CompletableFuture<T> future = starter.get().toCompletableFuture();
            future.whenComplete((value, error) -> fxThread.execute(() -> {
                if (cancelled.get()) {
                    return;
                }
                try {
                    if (error == null) {
                        onSuccess.accept(value);
                    } else {
                        onError.accept(unwrap(error));
                    }
                } finally {
                    andFinally.run();
                }
            }));
            return new Handle(future, cancelled);
        }
    }

    /** A started task: cancel it when the user does, or when its window closes. */
    public static final class Handle {
        private final CompletableFuture<?> future;
        private final AtomicBoolean cancelled;

        Handle(CompletableFuture<?> future, AtomicBoolean cancelled) {
            this.future = future;
            this.cancelled = cancelled;
        }

        public void cancel() {
            cancelled.set(true);
            future.cancel(true);
        }

        public boolean isDone() {
            return future.isDone();
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
