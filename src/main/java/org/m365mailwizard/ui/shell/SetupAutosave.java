// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.util.Duration;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;
import org.m365mailwizard.ui.common.FxTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the setup shortly after each change, off the FX thread, and once more, synchronously, when
 * the window closes. Snapshots are numbered so that a slow older write never replaces a newer one.
 */
final class SetupAutosave {

    private static final Logger LOG = LoggerFactory.getLogger(SetupAutosave.class);
    private static final Duration QUIET_TIME = Duration.millis(400);

    private final WizardModel model;
    private final SetupStore store;
    private final FxTasks tasks;
    private final Map<String, JsonNode> unmanagedExtra;
    private final Consumer<Message> onProblem;
    private final PauseTransition quiet = new PauseTransition(QUIET_TIME);
    private final InvalidationListener changed = observable -> quiet.playFromStart();
    private final Object writeLock = new Object();
    private long issued;
    private long written;
    private boolean problemShown;

    SetupAutosave(WizardModel model, SetupStore store, FxTasks tasks, Map<String, JsonNode> unmanagedExtra,
                  Consumer<Message> onProblem) {
        this.model = model;
        this.store = store;
        this.tasks = tasks;
        this.unmanagedExtra = Map.copyOf(unmanagedExtra);
        this.onProblem = onProblem;
        quiet.setOnFinished(e -> saveInBackground());
    }

    void start() {
        SetupSnapshots.persisted(model).forEach(o -> o.addListener(changed));
    }

    void stop() {
        quiet.stop();
        SetupSnapshots.persisted(model).forEach(o -> o.removeListener(changed));
    }

    /** Saves now, on the calling thread: the window is closing and the process may end right after. */
    void flush() {
        quiet.stop();
        try {
            write(++issued, SetupSnapshots.capture(model, unmanagedExtra));
        } catch (ProblemException e) {
            LOG.warn("Setup not saved at exit: {}", e.getMessage());
        }
    }

    private void saveInBackground() {
        long number = ++issued;
        SavedSetup snapshot = SetupSnapshots.capture(model, unmanagedExtra);
        tasks.run(() -> {
            write(number, snapshot);
            return null;
        }).onSuccess(ignored -> problemShown = false).onError(error -> {
            if (error instanceof ProblemException problem && !problemShown) {
                problemShown = true;
                onProblem.accept(problem.problem());
            } else if (!(error instanceof ProblemException)) {
                LOG.error("Saving the setup failed", error);
            }
        }).start();
    }

    private void write(long number, SavedSetup snapshot) throws ProblemException {
        synchronized (writeLock) {
            if (number <= written) {
                return;
            }
            store.save(snapshot);
            written = number;
        }
    }
}
