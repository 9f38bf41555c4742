// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.m365mailwizard.core.http.BoundedBody;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Graph request with Graph's retry rules (reliability-notes §5): 429 is retried after
 * {@code Retry-After} for every request, because Microsoft did not take it; 503/504 and timeouts only
 * for requests that cannot deliver mail. A request that may deliver mail ({@link Replay#ONCE}) is
 * never repeated after it may have arrived: the caller tells the user instead. Logs name the
 * operation and status only, never a URL (an upload URL is itself a credential) or a header.
 */
final class GraphHttp {

    private static final Logger LOG = LoggerFactory.getLogger(GraphHttp.class);
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    /** Whether a request may be sent again after it possibly reached Microsoft. */
    enum Replay {
        /** Repeating it delivers nothing (drafts, attachments, uploads). */
        SAFE,
        /** It sends mail: repeat only when Microsoft said it did not accept it (429). */
        ONCE
    }

    /** An HTTP answer, any status. */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers == null ? "" : headers.firstValue(name).orElse("");
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** Stands for an answer that cannot be used (no id, no upload URL, endless ranges): a bad gateway. */
        static Answer unusable() {
            return new Answer(502, null, new byte[0]);
        }
    }

    /** No HTTP answer: the connection failed, timed out, or the user cancelled. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        enum Kind { CONNECT, TIMEOUT, BROKEN, CANCELLED }

        final Kind kind;
        /** True when the request may have reached Microsoft before the failure. */
        final boolean mayHaveArrived;

        NoAnswer(Kind kind, boolean mayHaveArrived, Throwable cause) {
            super(kind.name(), cause);
            this.kind = kind;
            this.mayHaveArrived = mayHaveArrived;
        }
    }

    /** The waits of one send, shared by its requests so that the total stays within the policy. */
    static final class Trace {
        final List<RetryWait> waits = new ArrayList<>();
        final SendListener listener;
        /** Set when the last refusal asked for a wait longer than the policy allows. */
        Duration refusedWait;

        Trace(SendListener listener) {
            this.listener = listener;
        }

        Duration totalWait() {
            return waits.stream().map(RetryWait::delay).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    GraphHttp(HttpClient http, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Answer exchange(String operation, HttpRequest request, Replay replay, Trace trace, Cancellation cancel)
            throws NoAnswer, InterruptedException {
        for (int retry = 0; ; retry++) {
            if (cancel.isCancelled()) {
                throw new NoAnswer(NoAnswer.Kind.CANCELLED, false, null);
            }
            HttpRequest attempt = retry == 0 ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true)
                            .setHeader("Retry-Attempt", Integer.toString(retry)).build();
            Answer answer;
            try {
                answer = once(attempt, replay, cancel);
            } catch (NoAnswer e) {
                if (e.kind == NoAnswer.Kind.TIMEOUT && replay == Replay.SAFE
                        && waitBeforeRetry(0, Optional.empty(), retry + 1, trace, cancel)) {
                    continue;
                }
                LOG.info("Graph {}: no answer ({})", operation, e.kind);
                throw e;
            }
            LOG.info("Graph {}: HTTP {} request-id {}", operation, answer.status(), answer.header("request-id"));
            boolean retryable = answer.status() == 429
                    || (replay == Replay.SAFE && (answer.status() == 503 || answer.status() == 504));
            if (!retryable) {
                return answer;
            }
            Optional<Duration> asked = RetryAfter.parse(answer.header("Retry-After"), clock.instant());
            if (!waitBeforeRetry(answer.status(), asked, retry + 1, trace, cancel)) {
                return answer;
            }
        }
    }

    /** Waits before retry {@code retry}, if the policy allows it; false means give the answer to the caller. */
    private boolean waitBeforeRetry(int status, Optional<Duration> asked, int retry, Trace trace, Cancellation cancel)
            throws NoAnswer, InterruptedException {
        Duration wait = asked.orElseGet(() -> policy.fallbackFor(retry));
        if (wait.compareTo(MIN_WAIT) < 0) {
            // Retry-After: 0 happens; an immediate retry would only be throttled again.
            wait = MIN_WAIT;
        }
        if (retry > policy.maxRetries()) {
            trace.refusedWait = null;
            return false;
        }
        if (wait.compareTo(policy.maxWait()) > 0 || trace.totalWait().plus(wait).compareTo(policy.maxTotalWait()) > 0) {
            trace.refusedWait = wait;
            return false;
        }
        RetryWait retryWait = new RetryWait(status, wait, retry, policy.maxRetries(), asked.isPresent());
        trace.waits.add(retryWait);
        trace.listener.waiting(retryWait);
        if (!sleeper.sleep(wait, cancel)) {
            throw new NoAnswer(NoAnswer.Kind.CANCELLED, false, null);
        }
        return true;
    }

    private Answer once(HttpRequest request, Replay replay, Cancellation cancel) throws NoAnswer, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request,
                BoundedBody.ofByteArray(BoundedBody.DEFAULT_MAX_BYTES));
        Runnable unhook = cancel.onCancel(() -> future.cancel(true));
        try {
            HttpResponse<byte[]> response = future.get();
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (CancellationException e) {
            throw new NoAnswer(NoAnswer.Kind.CANCELLED, replay == Replay.ONCE, e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            unhook.run();
        }
    }

    /** Sorts transport failures by whether the request can have reached Microsoft. */
    static NoAnswer classify(Throwable cause) {
        Throwable t = cause;
        while (t instanceof IOException && t.getCause() instanceof IOException inner && t.getClass() == IOException.class) {
            t = inner;
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                || t instanceof UnresolvedAddressException || t instanceof SSLHandshakeException
                || t.getCause() instanceof UnresolvedAddressException || t.getCause() instanceof ConnectException) {
            return new NoAnswer(NoAnswer.Kind.CONNECT, false, cause);
        }
        if (t instanceof HttpTimeoutException) {
            return new NoAnswer(NoAnswer.Kind.TIMEOUT, true, cause);
        }
        return new NoAnswer(NoAnswer.Kind.BROKEN, true, cause);
    }
}
