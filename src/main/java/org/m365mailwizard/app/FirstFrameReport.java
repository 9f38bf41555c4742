// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
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

    /** Watches the stage (call before it is shown) and prints the JVM's uptime to {@code out} at its first frame. */
    static void watch(Stage stage, PrintStream out) {
        watch(stage, out, ManagementFactory::getRuntimeMXBean, task -> CompletableFuture.runAsync(task));
    }

    /**
     * At the first frame the FX thread only notes the time; {@code later} then asks {@code runtime} for the
     * uptime and takes back what has passed since. The runtime bean costs some 20 ms on its first use (its
     * set-up, its classes): on the FX thread at the frame, that went into the figure, which is to time the
     * frame, not the probe.
     */
    static void watch(Stage stage, PrintStream out, Supplier<RuntimeMXBean> runtime, Executor later) {
        watch(stage, frameNanos -> later.execute(() -> print(out, runtime.get().getUptime()
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frameNanos))));
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
