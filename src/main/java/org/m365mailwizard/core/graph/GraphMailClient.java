// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Sends the test mail through Microsoft Graph ({@code java.net.http} and Jackson): one
 * {@code sendMail} when everything fits in 4 MB, else a draft with attachments and upload sessions,
 * then {@code send}. Every outcome comes back as a {@link SendResult} in words; only input problems
 * found late (an attachment changed since it was chosen) and token failures are exceptions.
 *
 * <p>The bearer token goes into the Authorization header of Graph requests and nowhere else: not to
 * the pre-authenticated upload URL, not into a log, result or exception.
 */
public final class GraphMailClient {

    private final ObjectMapper mapper;
    private final GraphJson json;
    private final GraphHttp http;
    private final GraphLimits limits;
    private final RetryPolicy policy;
    private final Clock clock;

    public GraphMailClient(HttpClient client, ObjectMapper mapper, GraphLimits limits, RetryPolicy policy, Clock clock,
                           Sleeper sleeper) {
        this.mapper = mapper;
        this.json = new GraphJson(mapper);
        this.http = new GraphHttp(client, policy, clock, sleeper);
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * An HTTP client for Graph: connect timeout from the policy, redirects never followed (they would
     * carry the token elsewhere); {@code executor} may be null for the JDK's own.
     */
    public static HttpClient httpClient(RetryPolicy policy, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (executor != null) {
            builder.executor(executor);
        }
        return builder.build();
    }

    public GraphLimits limits() {
        return limits;
    }

    /** The limits that hold for the mailbox's cloud: without upload sessions in US Government L4/L5. */
    public GraphLimits limits(Mailbox mailbox) {
        return mailbox.attachmentUploadSessions() ? limits : limits.withoutUploadSessions();
    }

    /** How the message's attachments would travel; no network. */
    public AttachmentPlan plan(TestMessage message) {
        return plan(message, limits);
    }

    private AttachmentPlan plan(TestMessage message, GraphLimits applied) {
        return AttachmentPlan.of(message.attachments(), json.sendMailBaseBytes(message), json::inlineCost, applied);
    }

    /**
     * Obtains the token, then sends.
     *
     * @throws ProblemException when the token cannot be obtained (its own exit code), or an attachment
     *         can no longer be read (exit 2)
     */
    public SendResult sendMail(Mailbox mailbox, TestMessage message, TokenSource tokens, SendListener listener,
                               Cancellation cancel) throws ProblemException, InterruptedException {
        MailSend send = newSend(mailbox, message, listener, cancel);
        listener.step(Message.of("graph.step.token"));
        CompletableFuture<AccessToken> future = tokens.token().toCompletableFuture();
        Runnable unhook = cancel.onCancel(() -> future.cancel(true));
        AccessToken token;
        try {
            token = future.get();
        } catch (CancellationException e) {
            return send.cancelledBeforeSending();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : e.getCause();
            if (cause instanceof ProblemException problem) {
                throw problem;
            }
            if (cause instanceof CancellationException) {
                return send.cancelledBeforeSending();
            }
            throw ProblemException.unavailable(cause, "graph.token.failed");
        } finally {
            unhook.run();
        }
        return send.run(token);
    }

    /**
     * Sends with a token already at hand.
     *
     * @throws ProblemException exit 2 when an attachment can no longer be read as it was checked
     */
    public SendResult sendMail(Mailbox mailbox, TestMessage message, AccessToken token, SendListener listener,
                               Cancellation cancel) throws ProblemException, InterruptedException {
        return newSend(mailbox, message, listener, cancel).run(token);
    }

    /**
     * Whether the mailbox exists and the token may send from it, without sending anything (see
     * {@link MailboxProbe}); Graph's retry rules apply as for any request that delivers nothing.
     */
    public MailboxProbe.Result probeMailbox(Mailbox mailbox, AccessToken token, Cancellation cancel)
            throws InterruptedException {
        return new MailboxProbe(http, mapper, policy).probe(mailbox, token, cancel);
    }

    private MailSend newSend(Mailbox mailbox, TestMessage message, SendListener listener, Cancellation cancel) {
        GraphLimits applied = limits(mailbox);
        ChunkUploader uploader = new ChunkUploader(http, mapper, applied.uploadChunkBytes(), policy.requestTimeout());
        return new MailSend(new MailSend.Deps(http, json, mapper, uploader, applied, policy.requestTimeout(), clock),
                mailbox, message, plan(message, applied), listener, cancel);
    }
}
