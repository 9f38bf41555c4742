// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.TextParseException;

/**
 * A {@link DnsClient} on dnsjava's messages: one question at a time to the given servers, over UDP
 * ({@link DatagramTransport}) with TCP when an answer is truncated, without any cache, so that a
 * re-check after a DNS change sees the change (dnsjava's {@code Lookup} keeps a static negative
 * cache, dnsjava#186).
 *
 * <p>A question unanswered after about one of the server's usual round trips is sent again, to the
 * next server in turn ({@link RetransmitTimer}), while the earlier tries keep listening until the
 * total timeout: a lost datagram costs a few hundred milliseconds, not the seconds of a fixed
 * per-try timeout, and a slow answer still counts. A server that fails on the network, answers
 * SERVFAIL or REFUSED is replaced by the next one at once (dnsjava's {@code ExtendedResolver}
 * stops at a SERVFAIL answer, dnsjava#247). Whatever ends the question is
 * reported as a {@link DnsOutcome}; the returned stage never fails. Completions run on the
 * executor given, never on the transport's reading thread.
 */
public final class DnsjavaClient implements DnsClient {

    /** The default total time for one question, all tries and servers together. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest wait before sending again: a lost datagram should cost a retry, not the whole budget. */
    static final Duration MAX_TRY = Duration.ofSeconds(2);
    static final Duration MIN_TRY = Duration.ofMillis(100);
    /** Sends per server of one question, retransmissions included. */
    static final int TRIES_PER_SERVER = 3;

    /**
     * A static logger on purpose: the command line builds this class on its main thread early, and so
     * logging is set up before dnsjava, whose classes log while they first run (its tables are prepared
     * on a worker), could log into slf4j's start-up buffer, which is replayed with a warning on
     * standard error (seen with a lazy logger here: {@code --version} printed it).
     */
    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaClient.class);

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final Duration perTry;
    private final Executor executor;
    private final boolean recursionDesired;
    /** One per server: how long its answers take, so a lost datagram is noticed soon (see RetransmitTimer). */
    private final RetransmitTimer[] timers;
    private final LongAdder lost = new LongAdder();
    private final DatagramTransport transport;
    /** Retransmissions and deadlines; its thread ends when the client has been idle for a second. */
    private final ScheduledThreadPoolExecutor scheduler;

    /**
     * @param servers the servers to ask, in order of preference; not empty
     * @param timeout the total time for one question
     * @param executor where completions run (the application's background executor)
     */
    public DnsjavaClient(List<InetSocketAddress> servers, Duration timeout, Executor executor) {
        this(servers, timeout, executor, true);
    }

    DnsjavaClient(List<InetSocketAddress> servers, Duration timeout, Executor executor, boolean recursionDesired) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no DNS server to ask");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.perTry = clamp(timeout.dividedBy(2), MIN_TRY, MAX_TRY);
        this.timers = new RetransmitTimer[this.servers.size()];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = new RetransmitTimer(perTry);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.transport = new DatagramTransport(executor);
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "m365-dns-timer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        this.recursionDesired = recursionDesired;
    }

    /** A client for the system's resolvers (resolv.conf, the Windows registry, or the JVM's settings). */
    public static DnsjavaClient system(Duration timeout, Executor executor) {
        return new DnsjavaClient(systemServers(), timeout, executor);
    }

    /** The system's DNS servers as dnsjava finds them (falls back to localhost when it finds none). */
    public static List<InetSocketAddress> systemServers() {
        return ResolverConfig.getCurrentConfig().servers();
    }

    public List<InetSocketAddress> servers() {
        return servers;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The longest wait before a question is sent again, always below the total. */
    public Duration perTryTimeout() {
        return perTry;
    }

    @Override
    public long lostSends() {
        return lost.sum();
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        return exchange(absoluteName, type).thenApply(Exchange::answer);
    }

    /** One question with the raw response kept (for callers that need flags or the authority section). */
    CompletionStage<Exchange> exchange(String absoluteName, int type) {
        Name qname;
        try {
            // Relative to the root, never to a search path: "contoso.com" is "contoso.com.".
            qname = Name.fromString(absoluteName, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Exchange(DnsAnswer.of(absoluteName, type, DnsOutcome.ERROR), null));
        }
        Question question = new Question(absoluteName, qname, type, System.nanoTime() + timeout.toNanos());
        send(question);
        return question.result;
    }

    /**
     * Runs {@code action} on the executor after {@code nanos} unless the question has ended by then.
     * An ended question's wake-up leaves the scheduler's queue at once, so nothing of it is kept for
     * the rest of its timeout: a batch ends thousands of questions a second.
     */
    private void after(long nanos, Question q, Runnable action) {
        ScheduledFuture<?> wakeUp = scheduler.schedule(() -> {
            if (!q.result.isDone()) {
                executor.execute(action);
            }
        }, Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        q.result.whenComplete((answer, error) -> wakeUp.cancel(false));
    }

    /** The question's time is up with a try unanswered. */
    private void expire(Question q) {
        lost.increment();
        q.giveUp(true);
    }

    /**
     * Sends the question's next try, to the next server in turn, unless it is answered, out of time
     * or out of tries. Earlier tries keep listening: whichever answer comes first is taken, so a
     * retransmission sent while a slow answer is on its way costs nothing but the datagram.
     */
    private void send(Question q) {
        int tryNumber = q.startTry(servers.size() * TRIES_PER_SERVER);
        if (tryNumber < 0) { // out of tries or time: what is still out may answer until the deadline
            if (!q.result.isDone()) {
                after(q.deadlineNanos - System.nanoTime(), q, () -> expire(q));
            }
            return;
        }
        long sentAt = System.nanoTime();
        long remaining = q.deadlineNanos - sentAt;
        int serverIndex = tryNumber % servers.size();
        InetSocketAddress server = servers.get(serverIndex);
        CompletableFuture<Message> exchange = transport.exchange(server, q.newQuery(recursionDesired),
                Duration.ofNanos(Math.max(remaining, 0)));
        // The question's end forgets its tries still listening, so that their sockets close.
        q.result.whenComplete((answer, error) -> exchange.cancel(false));
        exchange.whenComplete((response, error) -> {
            if (error == null) { // the transport hands answers over on the executor, failures maybe not
                received(q, tryNumber, server, sentAt, response, null);
            } else if (!(error instanceof CancellationException)) {
                executor.execute(() -> received(q, tryNumber, server, sentAt, null, error));
            }
        });
        // One wake-up per try, for its retransmission or, at the latest, for the question's deadline.
        long wait = Math.min(timers[serverIndex].waitNanos(tryNumber / servers.size()), remaining);
        after(wait, q, () -> {
            if (System.nanoTime() - q.deadlineNanos >= 0) {
                expire(q);
            } else if (q.triesStarted() == tryNumber + 1) { // no answer, and no later try started meanwhile
                send(q);
            }
        });
    }

    private void received(Question q, int tryNumber, InetSocketAddress server, long sentAt, Message response,
                          Throwable error) {
        if (q.result.isDone()) {
            return;
        }
        if (error != null) {
            DnsOutcome failure = classify(error);
            LOG.debug("DNS {} {} via {}: {} ({})", q.name, q.type, server, failure, error.toString());
            q.failed(failure, null);
            sendNow(q, tryNumber);
            return;
        }
        timers[tryNumber % servers.size()].answered(System.nanoTime() - sentAt);
        DnsAnswer answer = ResponseReader.read(q.name, q.qname, q.type, response);
        boolean serverTrouble = answer.outcome() == DnsOutcome.SERVFAIL || answer.outcome() == DnsOutcome.REFUSED;
        if (serverTrouble && tryNumber + 1 < servers.size()) {
            LOG.debug("DNS {} {} via {}: {}, trying the next server", q.name, q.type, server, answer.outcome());
            q.failed(answer.outcome(), new Exchange(answer, response));
            sendNow(q, tryNumber);
            return;
        }
        // A later send answered while an earlier one stayed silent: that one was lost. Counted before the
        // answer is handed over, so whoever waits for it reads a count that includes this question.
        boolean earlierLost = tryNumber > 0 && q.earlierTryUnanswered();
        if (earlierLost) {
            lost.increment();
        }
        if (!q.result.complete(new Exchange(answer, response)) && earlierLost) {
            lost.decrement(); // another way of ending it came first and counted for itself
        }
    }

    /** After try {@code tryNumber} failed at once: the next try now, if no later one is out already. */
    private void sendNow(Question q, int tryNumber) {
        if (q.triesStarted() == tryNumber + 1) {
            send(q);
        }
        q.endIfNothingLeft(servers.size() * TRIES_PER_SERVER);
    }

    static DnsOutcome classify(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof SocketTimeoutException || t instanceof TimeoutException
                ? DnsOutcome.TIMEOUT : DnsOutcome.ERROR;
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** One question in flight: its tries, and how the last failed one ended. */
    private static final class Question {
        final String name;
        final Name qname;
        final int type;
        final long deadlineNanos;
        final CompletableFuture<Exchange> result = new CompletableFuture<>();
        private int started;
        private int failed;
        private DnsOutcome lastFailure = DnsOutcome.TIMEOUT;
        /** A SERVFAIL or REFUSED answer passed over for another server: the result if nothing better comes. */
        private Exchange troubled;

        Question(String name, Name qname, int type, long deadlineNanos) {
            this.name = name;
            this.qname = qname;
            this.type = type;
            this.deadlineNanos = deadlineNanos;
        }

        /** The number of the try to send now, or -1 when there is none to send. */
        synchronized int startTry(int maxTries) {
            if (result.isDone() || started >= maxTries || System.nanoTime() >= deadlineNanos) {
                return -1;
            }
            return started++;
        }

        /** True when some try before the last answered one neither answered nor failed. */
        synchronized boolean earlierTryUnanswered() {
            return failed < started - 1;
        }

        synchronized int triesStarted() {
            return started;
        }

        synchronized void failed(DnsOutcome outcome, Exchange troubledAnswer) {
            failed++;
            lastFailure = outcome;
            if (troubledAnswer != null) {
                troubled = troubledAnswer;
            }
        }

        /** Ends the question when every try it may send has been sent and has failed. */
        void endIfNothingLeft(int maxTries) {
            boolean over;
            synchronized (this) {
                over = failed >= started && (started >= maxTries || System.nanoTime() >= deadlineNanos);
            }
            if (over) {
                giveUp(false);
            }
        }

        /**
         * Out of time or tries: the last server trouble if any, else a timeout when a try is still
         * unanswered at the deadline, else how the last try failed.
         */
        void giveUp(boolean deadline) {
            Exchange end;
            synchronized (this) {
                DnsOutcome outcome = deadline && failed < started ? DnsOutcome.TIMEOUT : lastFailure;
                end = troubled != null ? troubled : new Exchange(DnsAnswer.of(name, type, outcome), null);
            }
            result.complete(end);
        }

        /** A fresh message for each try: the transport gives it a random ID unused on the socket it goes out from. */
        Message newQuery(boolean recursionDesired) {
            Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
            if (!recursionDesired) {
                query.getHeader().unsetFlag(Flags.RD);
            }
            return query;
        }
    }

    /** An answer with the response it came from ({@code null} when no response arrived). */
    record Exchange(DnsAnswer answer, Message response) {
    }
}
