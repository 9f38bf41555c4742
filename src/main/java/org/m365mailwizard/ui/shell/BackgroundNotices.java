// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;

/**
 * A ControlsFX notification when a check that runs in the background (the DNS check) finishes while
 * the user is on another step or page; clicking it shows that step.
 */
final class BackgroundNotices {

    private final WizardModel model;
    private final Supplier<Texts> texts;
    private final Supplier<Window> owner;
    /** The step shown now, or null when the wizard is not showing (start page). */
    private final Supplier<String> shownStep;
    private final Consumer<String> goTo;
    private final ListChangeListener<Finding> dnsDone = change -> finished("dns", change.getList());
    private Message lastShown;

    BackgroundNotices(WizardModel model, Supplier<Texts> texts, Supplier<Window> owner, Supplier<String> shownStep,
                      Consumer<String> goTo) {
        this.model = model;
        this.texts = texts;
        this.owner = owner;
        this.shownStep = shownStep;
        this.goTo = goTo;
    }

    void start() {
        model.dnsFindings().addListener(dnsDone);
    }

    void stop() {
        model.dnsFindings().removeListener(dnsDone);
    }

    /** The last notification shown (for tests), or null. */
    Message lastShown() {
        return lastShown;
    }

    private void finished(String stepId, List<? extends Finding> findings) {
        if (findings.isEmpty() || stepId.equals(shownStep.get()) || owner.get() == null) {
            return;
        }
        Message text = Message.of("notify.dns.text", count(findings, Status.PASS), count(findings, Status.WARN),
                count(findings, Status.FAIL), count(findings, Status.ERROR));
        lastShown = text;
        Texts t = texts.get();
        Notifications.create()
                .owner(owner.get())
                .title(t.get("notify.dns.title"))
                .text(t.format(text) + "\n" + t.get("notify.clickToOpen"))
                .hideAfter(Duration.seconds(10))
                .onAction(e -> goTo.accept(stepId))
                .showInformation();
    }

    private static long count(List<? extends Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
