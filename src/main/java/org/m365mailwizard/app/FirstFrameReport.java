// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A diagnostic option for measuring startup: started with {@code -Dm365wizard.reportFirstFrame=true},
 * the wizard prints one line on standard error when its first frame has been drawn:
 * {@code m365-mail-wizard: first frame shown after 1234 ms (JVM uptime)}. {@code bench/run} waits
 * for that line (README, Performance). Without the property nothing is watched or printed.
 *
 * <p>"Drawn" means: the window was shown, and the pulse after that (which lays the scene out and
 * renders it) has finished, which JavaFX shows by starting the next pulse.
 */
final class FirstFrameReport {

    /** The system property that turns the report on. */
    static final String PROPERTY = "m365wizard.reportFirstFrame";

    private FirstFrameReport() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Asks for the JVM's runtime bean on another thread, now: its first use costs some 25 ms (its classes
     * and set-up). Read at the first frame instead, that cost would land on the FX thread and in the figure,
     * which is to time the frame, not the probe. Call as early as possible; only when {@link #requested}.
     */
    static CompletableFuture<RuntimeMXBean> prepare() {
        return CompletableFuture.supplyAsync(ManagementFactory::getRuntimeMXBean);
    }

    /**
     * Watches the stage (call before it is shown) and prints the JVM's uptime at its first frame to
     * {@code out}, once {@code runtime} (from {@link #prepare}) is there; the FX thread only notes the time.
     */
    static void watch(Stage stage, PrintStream out, CompletableFuture<RuntimeMXBean> runtime) {
        watch(stage, frameNanos -> runtime.thenAccept(bean ->
                print(out, bean.getUptime() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frameNanos))));
    }

    /** Watches the stage (call before it is shown) and prints {@code uptimeMs} to {@code out} at its first frame. */
    static void watch(Stage stage, PrintStream out, LongSupplier uptimeMs) {
        watch(stage, frameNanos -> print(out, uptimeMs.getAsLong()));
    }

    private static void watch(Stage stage, LongConsumer atFirstFrame) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                new AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long now) {
                        // The first call is the pulse that draws the shown window; the second comes after it.
                        if (++pulses == 2) {
                            stop();
                            atFirstFrame.accept(System.nanoTime());
                        }
                    }
                }.start();
            }
        });
    }

    private static void print(PrintStream out, long uptimeMs) {
        out.println("m365-mail-wizard: first frame shown after " + uptimeMs + " ms (JVM uptime)");
        out.flush();
    }
}
