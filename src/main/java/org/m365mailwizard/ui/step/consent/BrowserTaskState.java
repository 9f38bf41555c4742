// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * The visible state of one browser task of the step (admin consent, or sign-in): its phase, what it
 * says, the URL to copy when no browser opened, and a countdown. Plain properties, no nodes.
 */
public final class BrowserTaskState {

    /** Where the task is. */
    public enum Phase { IDLE, STARTING, WAITING_FOR_BROWSER, CHECKING, DONE, CANCELLING }

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyObjectWrapper<Status> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> fix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper manualUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Function<Instant, Message>> countdown = new SimpleObjectProperty<>();

    BrowserTaskState() {
        busy.bind(Bindings.createBooleanBinding(() -> phase.get() != Phase.IDLE && phase.get() != Phase.DONE, phase));
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** The result once done: pass, warn, fail or error; null before. */
    public ReadOnlyObjectProperty<Status> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** What happened, or what is happening. */
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    /** What to do about a failure; null otherwise. */
    public ReadOnlyObjectProperty<Message> fixProperty() { return fix.getReadOnlyProperty(); }
    /** The countdown line, refreshed by {@code tick}; null when nothing is being waited for. */
    public ReadOnlyObjectProperty<Message> progressProperty() { return progress.getReadOnlyProperty(); }
    /** What the token proves, once there is one. */
    public ReadOnlyObjectProperty<Message> summaryProperty() { return summary.getReadOnlyProperty(); }
    /** The page to open by hand when no browser could be started; empty otherwise. */
    public ReadOnlyStringProperty manualUrlProperty() { return manualUrl.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public BooleanBinding idleOrDone() {
        return busy.not();
    }

    void starting(Message what) {
        phase.set(Phase.STARTING);
        outcome.set(null);
        message.set(what);
        fix.set(null);
        progress.set(null);
        summary.set(null);
        manualUrl.set("");
        countdown.set(null);
    }

    void waitingForBrowser(Message what, String urlToCopy, Function<Instant, Message> countdownLine, Instant now) {
        phase.set(Phase.WAITING_FOR_BROWSER);
        message.set(what);
        manualUrl.set(urlToCopy == null ? "" : urlToCopy);
        countdown.set(countdownLine);
        progress.set(countdownLine.apply(now));
    }

    void checking(Message what, Function<Instant, Message> countdownLine, Instant now) {
        phase.set(Phase.CHECKING);
        message.set(what);
        manualUrl.set("");
        countdown.set(countdownLine);
        progress.set(countdownLine.apply(now));
    }

    void cancelling() {
        if (busy.get()) {
            phase.set(Phase.CANCELLING);
        }
    }

    void done(Status result, Message what, Message remedy, Message proof) {
        phase.set(Phase.DONE);
        outcome.set(result);
        message.set(what);
        fix.set(remedy);
        summary.set(proof);
        progress.set(null);
        manualUrl.set("");
        countdown.set(null);
    }

    /** Refreshes the countdown line (called about once a second on the FX thread). */
    void tick(Instant now) {
        Function<Instant, Message> line = countdown.get();
        progress.set(line == null ? null : line.apply(now));
    }

    /** {@code 4:05} for 245 seconds: the countdown shown to the user. */
    static String minutesSeconds(Duration left) {
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    static Duration until(Instant now, Instant then) {
        Duration left = Duration.between(now, then);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
