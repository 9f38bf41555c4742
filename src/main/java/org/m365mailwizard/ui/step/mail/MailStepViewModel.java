// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.MailAttachment;
import org.m365mailwizard.core.graph.Mailbox;
import org.m365mailwizard.core.graph.Recipients;
import org.m365mailwizard.core.graph.RetryWait;
import org.m365mailwizard.core.graph.SendListener;
import org.m365mailwizard.core.graph.SendResult;
import org.m365mailwizard.core.graph.TestMessage;
import org.m365mailwizard.core.graph.TokenSource;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.graph.SendOutcome;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ShownOutcome;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.shell.CheckedFor;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * The test mail, for the wizard's step and the "Send test email" dialog: recipients (kept in the
 * {@link WizardModel}, which the shell saves), attachments, the Sent Items choice; the send in the
 * background with its progress and Graph's waits; the result in words, and after a possible send an
 * explicit "send again" instead of a silent retry. No Nodes: tested with {@link FxTasks#sameThread()}.
 */
public final class MailStepViewModel {

    /** A stored application token is reused only when it is valid for at least this long. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private static final String STEP = "mail";

    private final WizardModel model;
    private final GraphMailClient graph;
    private final Function<MailConfig, CompletionStage<AccessToken>> applicationTokens;
    private final Texts texts;
    private final Clock clock;
    private final FxTasks tasks;
    private final Executor fxThread;

    private final ObservableList<Path> attachments = FXCollections.observableArrayList();
    private final BooleanProperty saveToSentItems = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Message> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper uploadProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<Message> attachmentProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SendResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> failureFix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper awaitingDecision = new ReadOnlyBooleanWrapper(false);
    private final ObjectBinding<Message> recipientsProblem;
    private final ObjectBinding<Message> staleReason;
    private final ObjectBinding<Message> credentialsProblem;
    private final BooleanBinding canSend;
    private Cancellation cancellation = Cancellation.none();

    /**
     * @param applicationTokens client-credentials tokens for a config (core.auth's token service)
     * @param fxThread where progress reported during a send is applied (the FX thread; same thread in tests)
     */
    public MailStepViewModel(WizardModel model, GraphMailClient graph,
                             Function<MailConfig, CompletionStage<AccessToken>> applicationTokens, Texts texts,
                             Clock clock, FxTasks tasks, Executor fxThread) {
        this.model = model;
        this.graph = graph;
        this.applicationTokens = applicationTokens;
        this.texts = texts;
        this.clock = clock;
        this.tasks = tasks;
        this.fxThread = fxThread;
        this.recipientsProblem = Bindings.createObjectBinding(
                () -> Recipients.problem(model.recipientsProperty().get()).orElse(null), model.recipientsProperty());
        this.credentialsProblem = credentialsProblem(model);
        this.canSend = running.not().and(awaitingDecision.not())
                .and(recipientsProblem.isNull()).and(credentialsProblem.isNull());
        List<javafx.beans.Observable> watched = new ArrayList<>(model.inputs());
        watched.addAll(model.results());
        watched.add(shown());
        this.staleReason = Bindings.createObjectBinding(() -> {
            StepState state = StepState.of(STEP, model);
            return shown().get() != null && state.status() == StepStatus.STALE ? state.staleReason() : null;
        }, watched.toArray(javafx.beans.Observable[]::new));
    }

    /**
     * Why a test mail cannot be sent yet with what the model holds (sender, credentials or the
     * signed-in user), or null when it can: the shell enables its "Send test email" button with this.
     */
    public static ObjectBinding<Message> credentialsProblem(WizardModel model) {
        return Bindings.createObjectBinding(() -> {
            if (Recipients.problem(model.senderProperty().get()).isPresent()) {
                return Message.of("graph.ui.needSender");
            }
            if (grant(model) == Grant.DELEGATED) {
                return model.delegatedTokenProperty().get() == null ? Message.of("graph.ui.needSignIn") : null;
            }
            boolean haveToken = model.applicationTokenProperty().get() != null;
            boolean canGetOne = !blank(tenant(model)) && !blank(model.clientIdProperty().get())
                    && !blank(model.clientSecretProperty().get());
            return haveToken || canGetOne ? null : Message.of("graph.ui.needCredentials");
        }, model.senderProperty(), model.grantProperty(), model.targetProperty(), model.delegatedTokenProperty(),
                model.applicationTokenProperty(), model.tenantProperty(), model.tenantIdProperty(),
                model.clientIdProperty(), model.clientSecretProperty());
    }

    /**
     * Adds files; each is checked at once (exists, readable, at most 150 MB, or 2.99 MB in the US Government
     * clouds, which have no upload sessions), duplicates ignored.
     */
    public void addAttachments(List<Path> files) {
        attachmentProblem.set(null);
        for (Path file : files) {
            Path path = file.toAbsolutePath().normalize();
            if (attachments.contains(path)) {
                continue;
            }
            try {
                MailAttachment.of(path, graph.limits().forCloud(model.cloudProperty().get()));
                attachments.add(path);
            } catch (ProblemException e) {
                attachmentProblem.set(e.problem());
            }
        }
    }

    public void removeAttachment(Path file) {
        attachments.remove(file);
        attachmentProblem.set(null);
    }

    /** Sends, when everything needed is there and no earlier send is awaiting the user's decision. */
    public void send() {
        if (canSend.get()) {
            start();
        }
    }

    /** After an outcome that may have delivered the mail: the user chose to send it again anyway. */
    public void sendAgain() {
        if (awaitingDecision.get() && !running.get()) {
            awaitingDecision.set(false);
            if (canSend.get()) {
                start();
            }
        }
    }

    /** Stops waiting; a request already handed over ends as "may have been sent". */
    public void cancel() {
        cancellation.cancel();
    }

    private void start() {
        MailConfig config = config();
        Grant grant = grant(model);
        List<String> typed = Recipients.split(model.recipientsProperty().get());
        List<Path> files = List.copyOf(attachments);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(model.appFindings());
        findings.addAll(model.consentFindings());
        findings.addAll(model.dnsFindings());
        TokenSource tokens = tokenSource(config, grant);
        CheckedFor asked = StepInputs.snapshot(STEP, model);
        String subject = model.testSubjectProperty().get();
        boolean save = saveToSentItems.get();
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        result.set(null);
        failure.set(null);
        failureFix.set(null);
        uploadProgress.set(-1);
        progress.set(Message.of("graph.step.token"));
        tasks.run(() -> {
            List<MailAttachment> checked = new ArrayList<>();
            for (Path file : files) {
                checked.add(MailAttachment.of(file, graph.limits().forCloud(config.cloud())));
            }
            TestMessage message = TestMessage.builder(texts, clock).domain(domainForPeople(config))
                    .sender(config.sender()).grant(grant).recipients(Recipients.parse(typed)).findings(findings)
                    .subject(subject).attachments(checked).saveToSentItems(save).build();
            return graph.sendMail(Mailbox.of(config, grant), message, tokens, new Progress(), cancel);
        }).onSuccess(sent -> finished(sent, asked)).onError(error -> failed(error, asked)).andFinally(() -> {
            running.set(false);
            progress.set(null);
        }).start();
    }

    private void finished(SendResult sent, CheckedFor asked) {
        result.set(sent);
        awaitingDecision.set(sent.mayHaveBeenSent());
        model.checkedForProperty(STEP).set(asked);
        model.mailFindings().setAll(sent.toFinding());
        shown().set(shownOf(sent));
    }

    private void failed(Throwable error, CheckedFor asked) {
        Message problem = error instanceof ProblemException p ? p.problem() : Message.of("graph.token.failed");
        int exit = error instanceof ProblemException p ? p.exitCode() : ExitCode.UNAVAILABLE;
        failure.set(problem);
        failureFix.set(error instanceof ProblemException p ? p.fix() : null);
        Status status = exit == ExitCode.UNAVAILABLE ? Status.ERROR : Status.FAIL;
        model.checkedForProperty(STEP).set(asked);
        model.mailFindings().setAll(Finding.of(SendResult.FINDING_ID, status, "HTTP 202 Accepted", List.of(), problem));
        shown().set(new ShownOutcome(status, problem, failureFix.get(), null, List.of()));
    }

    /** Reports from the sending thread, applied on the FX thread. */
    private final class Progress implements SendListener {
        @Override
        public void step(Message step) {
            fxThread.execute(() -> progress.set(step));
        }

        @Override
        public void waiting(RetryWait wait) {
            fxThread.execute(() -> progress.set(wait.message()));
        }

        @Override
        public void uploaded(String name, long sent, long total) {
            fxThread.execute(() -> uploadProgress.set(total == 0 ? 1 : sent / (double) total));
        }
    }

    private TokenSource tokenSource(MailConfig config, Grant grant) {
        if (grant == Grant.DELEGATED) {
            return TokenSource.of(model.delegatedTokenProperty().get());
        }
        AccessToken stored = model.applicationTokenProperty().get();
        TokenSource source = stored != null && stored.expiresOn() != null
                && stored.expiresOn().isAfter(clock.instant().plus(TOKEN_MARGIN))
                ? TokenSource.of(stored) : () -> applicationTokens.apply(config);
        return withMailSend(source, config);
    }

    /**
     * An app-only token without Mail.Send is refused before Graph is asked, as {@code send-test} does:
     * Graph would answer a bare 403 that names neither the missing consent nor the link to grant it.
     */
    private static TokenSource withMailSend(TokenSource source, MailConfig config) {
        return () -> source.token().thenApply(token -> {
            try {
                MailSendRoleCheck.requireMailSend(config, token);
            } catch (ProblemException missing) {
                throw new CompletionException(missing);
            }
            return token;
        });
    }

    /** The setup as a config, from what the model holds (typed values, trimmed). */
    private MailConfig config() {
        return MailConfig.builder().cloud(model.cloudProperty().get()).endpointOverride(model.endpointOverrideProperty().get())
                .tenantId(orNull(tenant(model))).clientId(orNull(model.clientIdProperty().get()))
                .clientSecret(orNull(model.clientSecretProperty().get())).domain(orNull(model.domainProperty().get()))
                .sender(orNull(model.senderProperty().get())).grant(grant(model)).target(model.targetProperty().get())
                .build();
    }

    private javafx.beans.property.ObjectProperty<ShownOutcome> shown() {
        return model.shownOutcomeProperty(STEP);
    }

    /** The outcome as facts, kept in the model: the page rebuilt in another language shows it again. */
    private static ShownOutcome shownOf(SendResult sent) {
        List<Message> details = new ArrayList<>();
        if (sent.explanation() != null) {
            details.add(sent.explanation());
        }
        details.addAll(sent.notes());
        if (sent.error() != null && !sent.error().requestId().isEmpty()) {
            details.add(Message.of("graph.ui.requestId", sent.error().requestId()));
        }
        Status status = sent.outcome() == SendOutcome.ACCEPTED ? Status.PASS
                : sent.outcome().exitCode() == ExitCode.CHECK_FAILED ? Status.FAIL : Status.WARN;
        Message proof = sent.mayHaveBeenSent() || sent.outcome() == SendOutcome.ACCEPTED
                ? Message.of("graph.ui.testId", sent.testId()) : null;
        return new ShownOutcome(status, sent.summary(), sent.fix(), proof, details);
    }

    private static Grant grant(WizardModel model) {
        if (model.grantProperty().get() != null) {
            return model.grantProperty().get();
        }
        return model.targetProperty().get() != null ? model.targetProperty().get().defaultGrant() : Grant.APPLICATION;
    }

    private static String tenant(WizardModel model) {
        String resolved = model.tenantIdProperty().get();
        return blank(resolved) ? model.tenantProperty().get() : resolved;
    }

    private static String domainForPeople(MailConfig config) {
        String domain = config.domain() != null ? config.domain()
                : config.sender().substring(config.sender().lastIndexOf('@') + 1);
        return DomainName.parse(domain) instanceof DomainName.Valid valid ? valid.name().unicode() : domain;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }

    public StringProperty recipientsProperty() { return model.recipientsProperty(); }
    /** The mailbox the mail leaves from (set in step 1). */
    public StringProperty senderProperty() { return model.senderProperty(); }
    public ObservableList<Path> attachments() { return attachments; }
    public BooleanProperty saveToSentItemsProperty() { return saveToSentItems; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** The step under way or the wait Graph asked for; null when idle. */
    public ReadOnlyObjectProperty<Message> progressProperty() { return progress.getReadOnlyProperty(); }
    /** Fraction of the current upload, or -1 when there is none (an indeterminate indicator). */
    public ReadOnlyDoubleProperty uploadProgressProperty() { return uploadProgress.getReadOnlyProperty(); }
    public ObjectBinding<Message> recipientsProblemProperty() { return recipientsProblem; }
    /**
     * The test mail's own subject (kept in the model), taken as the command line's {@code --subject}
     * takes it: blank gives the generated one; anything else is sent as typed, trimmed.
     */
    public StringProperty subjectProperty() { return model.testSubjectProperty(); }
    /** The subject used when none is typed, for the sender's domain as of now. */
    public String defaultSubject() {
        MailConfig config = config();
        String domain = config.domain() == null && (config.sender() == null || !config.sender().contains("@")) ? ""
                : domainForPeople(config);
        return TestMessage.defaultSubject(texts, clock, domain);
    }
    /**
     * The last test mail's outcome, from this page or the "Send test email" window, even from before a
     * language switch: facts, worded by the view. Null until a mail was tried.
     */
    public ReadOnlyObjectProperty<ShownOutcome> shownOutcomeProperty() { return shown(); }
    /** Why the shown outcome no longer holds for what is entered now, or null. */
    public ObjectBinding<Message> staleReasonProperty() { return staleReason; }
    public ObjectBinding<Message> credentialsProblemProperty() { return credentialsProblem; }
    public ReadOnlyObjectProperty<Message> attachmentProblemProperty() { return attachmentProblem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SendResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** A problem that stopped the send before Graph was asked (token refused, attachment changed). */
    public ReadOnlyObjectProperty<Message> failureProperty() { return failure.getReadOnlyProperty(); }
    /** What to do about the failure, when Microsoft's answer says (AADSTS errors); else null. */
    public ReadOnlyObjectProperty<Message> failureFixProperty() { return failureFix.getReadOnlyProperty(); }
    /** True after an outcome that may have delivered the mail: only "send again" sends now. */
    public ReadOnlyBooleanProperty awaitingDecisionProperty() { return awaitingDecision.getReadOnlyProperty(); }
    public BooleanBinding canSendProperty() { return canSend; }
    /** The step never blocks the wizard, except while a send is under way. */
    public BooleanBinding canAdvance() { return running.not(); }
}
