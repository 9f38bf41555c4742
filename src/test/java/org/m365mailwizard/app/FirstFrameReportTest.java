// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The startup diagnostic in a real window: one line, once, only after the window has been shown. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameReportTest {

    private Stage stage;

    @Start
    void start(Stage primary) {
        // A window of its own that the test shows itself: the report must be watching before the show.
        stage = new Stage();
        stage.setScene(new Scene(new Label("first step"), 300, 200));
    }

    @Test
    void printsOneLineWithTheUptimeAfterTheWindowIsShownAndNothingBefore(FxRobot robot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        robot.interact(() -> FirstFrameReport.watch(stage, out, ManagementFactory::getRuntimeMXBean, Runnable::run));
        awaitSomePulses(robot);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("before the window is shown").isEmpty();

        robot.interact(stage::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bytes.toString(StandardCharsets.UTF_8).isEmpty());
        awaitSomePulses(robot);
        robot.interact(stage::hide);
        robot.interact(stage::show);
        awaitSomePulses(robot);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("one line, once")
                .matches("m365-mail-wizard: first frame shown after \\d+ ms \\(JVM uptime\\)" + System.lineSeparator());
        robot.interact(stage::hide);
    }

    @Test
    void asksForTheUptimeAfterTheFrameOffTheFxThreadAndPrintsTheFramesUptime(FxRobot robot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        RuntimeMXBean bean = ManagementFactory.getRuntimeMXBean();
        Queue<Runnable> later = new ConcurrentLinkedQueue<>();
        robot.interact(() -> FirstFrameReport.watch(stage, out, () -> bean, later::add));
        long beforeShow = bean.getUptime();
        robot.interact(stage::show);
        awaitSomePulses(robot);
        long afterFrame = bean.getUptime();
        // The frame is drawn and the uptime is asked for later, off the FX thread: nothing printed yet, the clock runs on.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bean.getUptime() > afterFrame + 100);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(later).hasSize(1);

        later.remove().run();
        Matcher line = Pattern.compile("m365-mail-wizard: first frame shown after (\\d+) ms \\(JVM uptime\\)\\R")
                .matcher(bytes.toString(StandardCharsets.UTF_8));
        assertThat(line.matches()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
        // One millisecond either way: the bean's uptime and the frame's nanosecond clock round apart.
        assertThat(Long.parseLong(line.group(1))).isBetween(beforeShow - 1, afterFrame + 1);
        robot.interact(stage::hide);
    }

    @Test
    void isOffUnlessTheSystemPropertyAsksForIt() {
        assertThat(System.getProperty(FirstFrameReport.PROPERTY)).isNull();
        assertThat(FirstFrameReport.requested()).isFalse();
        System.setProperty(FirstFrameReport.PROPERTY, "true");
        try {
            assertThat(FirstFrameReport.requested()).isTrue();
        } finally {
            System.clearProperty(FirstFrameReport.PROPERTY);
        }
    }

    /** Lets the toolkit draw a few frames (a running timer of our own asks for them), not a fixed time. */
    private static void awaitSomePulses(FxRobot robot) throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        robot.interact(counter::start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pulses.get() >= 4);
        robot.interact(counter::stop);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
