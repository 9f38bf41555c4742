// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.publish.CloudflareProvider;
import org.m365mailwizard.core.publish.DnsHostProvider;
import org.m365mailwizard.core.publish.DnsHosts;
import org.m365mailwizard.core.publish.Journal;
import org.m365mailwizard.core.publish.Planner;
import org.m365mailwizard.core.publish.PublishPlan;
import org.m365mailwizard.core.publish.Publisher;
import org.m365mailwizard.core.publish.RecordChange;
import org.m365mailwizard.core.publish.Verifier;
import org.m365mailwizard.ui.common.FxTasks;

/**
 * The "Publish at my DNS host" dialog without nodes: dry run, apply after the admin saw the diff
 * (a mail move needs its own tick), verify with progress, undo from the journal. All network work
 * runs through {@link FxTasks}; Cancel stops waiting (a write in flight still completes at the host
 * and is in the journal). The token lives only in this object, for this dialog.
 */
public final class PublishDnsViewModel {

    private final PublishTarget target;
    private final DnsHosts hosts;
    private final Planner planner;
    private final Publisher publisher;
    private final DnsChecker authoritative;
    private final FxTasks tasks;
    private final Executor fxThread;
    private final Texts texts;
    private final Path journalDir;
    private final Clock clock;
    private final Duration verifyLimit;
    private final Duration verifyInterval;

    private final StringProperty provider = new SimpleStringProperty(CloudflareProvider.ID);
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty replaceDmarc = new SimpleBooleanProperty();
    private final BooleanProperty moveMail = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper planReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper movesMail = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signIn = new ReadOnlyStringWrapper("");
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    private DnsHostProvider host;
    private PublishPlan plan;
    private Journal journal;
    private FxTasks.Handle current;
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param authoritative the checker whose settings decide how DNS is asked; verifying asks the
     *                      domain's own name servers with it
     */
    public PublishDnsViewModel(PublishTarget target, DnsHosts hosts, DnsChecker authoritative, Executor background,
                               FxTasks tasks, Executor fxThread, Texts texts, Path journalDir, Clock clock,
                               Duration verifyLimit, Duration verifyInterval) {
        this.target = target;
        this.hosts = hosts;
        this.planner = new Planner(authoritative.settings(), background);
        this.publisher = new Publisher(new com.fasterxml.jackson.databind.ObjectMapper(), clock);
        this.authoritative = authoritative.withSettings(authoritative.settings().withAuthoritative(true));
        this.tasks = tasks;
        this.fxThread = fxThread;
        this.texts = texts;
        this.journalDir = journalDir;
        this.clock = clock;
        this.verifyLimit = verifyLimit;
        this.verifyInterval = verifyInterval;
    }

    public StringProperty providerProperty() { return provider; }
    public StringProperty tokenProperty() { return token; }
    public BooleanProperty replaceDmarcProperty() { return replaceDmarc; }
    public BooleanProperty moveMailProperty() { return moveMail; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty planReadyProperty() { return planReady.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty movesMailProperty() { return movesMail.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty undoableProperty() { return undoable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty signInProperty() { return signIn.getReadOnlyProperty(); }
    public ObservableList<String> lines() { return lines; }

    public String domain() {
        return target.request().domain().ascii();
    }

    /** The dry run: reads the zone at the host and shows what would change. Writes nothing. */
    public void plan() {
        planReady.set(false);
        lines.clear();
        begin("publish.ui.status.planning");
        String chosen = provider.get();
        Map<String, String> credential = Map.of(DnsHosts.CLOUDFLARE_TOKEN_ENV, token.get() == null ? "" : token.get());
        current = tasks.run(() -> {
            DnsHostProvider opened = hosts.open(chosen, target.setup(), target.endpoints(), credential,
                    m -> fxThread.execute(() -> signIn.set(texts.format(m))));
            return new Opened(opened, planner.plan(opened, target.request(), java.util.Optional.empty(), replaceDmarc.get()));
        }).onSuccess(opened -> {
            host = opened.host();
            plan = opened.plan();
            plan.changes().forEach(this::show);
            lines.add(texts.get("publish.plan.leftAlone", plan.leftAlone()));
            plan.notes().forEach(n -> lines.add(texts.get("publish.plan.note", texts.format(n))));
            movesMail.set(plan.movesMail());
            planReady.set(!plan.nothingToDo());
            status.set(plan.nothingToDo() ? texts.get("publish.plan.nothing") : texts.get("publish.plan.count", plan.writes().size()));
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** Applies the plan shown; the caller has had the admin confirm. */
    public void apply() {
        if (plan == null || plan.nothingToDo()) {
            return;
        }
        if (plan.movesMail() && !moveMail.get()) {
            status.set(texts.format(Message.of("publish.movesMailUnconfirmed")));
            return;
        }
        PublishPlan applying = plan;
        planReady.set(false);
        begin("publish.ui.status.applying");
        Instant now = clock.instant();
        lines.clear();
        current = tasks.run(() -> publisher.apply(host, applying, Journal.inStateFolder(journalDir, applying.domain(), now),
                r -> fxThread.execute(() -> lines.add(result(r))))).onSuccess(outcome -> {
            journal = outcome.journal();
            undoable.set(outcome.appliedCount() > 0);
            if (outcome.failure().isPresent()) {
                status.set(texts.get("publish.ui.status.failedMidway", outcome.appliedCount(),
                        texts.format(outcome.failure().get().problem())));
                running.set(false);
            } else {
                verify(applying);
            }
        }).onError(e -> {
            failed(e);
            running.set(false);
        }).start();
    }

    private void verify(PublishPlan applied) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(applied.verifiable());
        if (ids.isEmpty()) {
            status.set(texts.get("publish.ui.status.applied"));
            running.set(false);
            return;
        }
        AtomicBoolean stop = cancelled;
        status.set(texts.get("publish.ui.status.verifying"));
        current = tasks.run(() -> new Verifier(authoritative).verify(target.request(), ids,
                verifyLimit, verifyInterval, p -> fxThread.execute(() -> status.set(
                        texts.get("publish.verify.progress", p.round(), p.passing(), p.total(), p.elapsed().toSeconds()))),
                stop::get)).onSuccess(result -> status.set(result.visible() ? texts.get("publish.verify.ok")
                        : texts.get("publish.verify.timeout", verifyLimit.toSeconds())))
                .onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** Puts back what the last apply replaced. */
    public void undo() {
        if (journal == null || host == null) {
            return;
        }
        Journal recorded = journal;
        begin("publish.ui.status.undoing");
        lines.clear();
        current = tasks.run(() -> publisher.undo(host, recorded, r -> fxThread.execute(() -> lines.add(result(r)))))
                .onSuccess(outcome -> {
                    undoable.set(outcome.failure().isPresent());
                    status.set(outcome.failure().isPresent() ? texts.get("publish.undo.failed") : texts.get("publish.undo.done"));
                }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    public void cancel() {
        cancelled.set(true);
        if (current != null) {
            current.cancel();
        }
        running.set(false);
        status.set(texts.get("publish.ui.status.cancelled"));
    }

    private void begin(String key) {
        cancelled = new AtomicBoolean();
        running.set(true);
        signIn.set("");
        status.set(texts.get(key));
    }

    private void show(RecordChange c) {
        lines.add(texts.get("publish.action." + c.action().id()) + "  " + c.type() + "  " + c.name());
        if (c.writes()) {
            c.beforeValues().forEach(v -> lines.add("      - " + v));
            c.after().forEach(v -> lines.add("      + " + v));
        }
        if (c.movesMail()) {
            lines.add("      " + texts.get("publish.plan.movesMail", String.join(", ", c.beforeValues())));
        }
    }

    private String result(Publisher.ChangeResult r) {
        String what = texts.get("publish.action." + r.change().action().id()) + " " + r.change().type() + " " + r.change().name();
        return r.ok() ? texts.get("publish.result.ok", what)
                : texts.get("publish.result.failed", what, texts.format(r.failure().get().problem()));
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        status.set(cause instanceof ProblemException p ? texts.format(p.problem()) : texts.get("publish.ui.error.unexpected"));
    }

    private record Opened(DnsHostProvider host, PublishPlan plan) {
    }
}
