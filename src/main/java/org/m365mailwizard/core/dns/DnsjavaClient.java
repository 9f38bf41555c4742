// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * A {@link DnsClient} on dnsjava's {@link SimpleResolver}: one question at a time to the given
 * servers, over UDP with TCP when an answer is truncated (dnsjava does that itself), without any
 * cache, so that a re-check after a DNS change sees the change (the legacy {@code Lookup} keeps a
 * static negative cache, dnsjava#186).
 *
 * <p>Each try has its own timeout below the total; a server that times out, fails on the network,
 * answers SERVFAIL or REFUSED is replaced by the next one while time remains (dnsjava's
 * {@code ExtendedResolver} stops at a SERVFAIL answer, dnsjava#247). Whatever ends the question is
 * reported as a {@link DnsOutcome}; the returned stage never fails. Completions run on the
 * executor given, never on dnsjava's selector thread.
 */
public final class DnsjavaClient implements DnsClient {

    /** The default total time for one question, all tries and servers together. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** A lost datagram should cost a retry, not the whole budget (checkdmarc uses 1 s per try). */
    static final Duration MAX_TRY = Duration.ofSeconds(2);
    static final Duration MIN_TRY = Duration.ofMillis(100);
    /** Tries per server for network failures and timeouts. */
    static final int TRIES_PER_SERVER = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaClient.class);
    /** dnsjava's own timeout, a backstop behind ours so that it forgets abandoned tries. */
    private static final Duration DNSJAVA_SLACK = Duration.ofSeconds(1);

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final Duration perTry;
    private final Executor executor;
    private final boolean recursionDesired;

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
        this.executor = Objects.requireNonNull(executor, "executor");
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

    /** The timeout of one try at one server, always below the total. */
    public Duration perTryTimeout() {
        return perTry;
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
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        Question question = new Question(absoluteName, qname, type, query, System.nanoTime() + timeout.toNanos(),
                new CompletableFuture<>());
        attempt(question, 0, DnsOutcome.TIMEOUT);
        // A safety net only: every try has its own timeout, so this fires only if dnsjava loses one.
        return question.result.completeOnTimeout(
                new Exchange(DnsAnswer.of(absoluteName, type, DnsOutcome.TIMEOUT), null),
                timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    private void attempt(Question q, int tryNumber, DnsOutcome lastFailure) {
        long remaining = q.deadlineNanos - System.nanoTime();
        if (remaining <= 0 || tryNumber >= servers.size() * TRIES_PER_SERVER) {
            q.result.complete(new Exchange(DnsAnswer.of(q.name, q.type, lastFailure), null));
            return;
        }
        InetSocketAddress server = servers.get(tryNumber % servers.size());
        long tryNanos = Math.min(perTry.toNanos(), remaining);
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(Duration.ofNanos(tryNanos).plus(DNSJAVA_SLACK));
        // Our own clock for the try: dnsjava notices timeouts only when its selector is idle, and at
        // the tick it read when its thread started (one second by default).
        CompletableFuture<Message> bounded = new CompletableFuture<>();
        resolver.sendAsync(q.query, executor).whenComplete((response, error) -> {
            if (error != null) {
                bounded.completeExceptionally(error);
            } else {
                bounded.complete(response);
            }
        });
        bounded.orTimeout(tryNanos, TimeUnit.NANOSECONDS).whenCompleteAsync((response, error) -> {
            if (error != null) {
                DnsOutcome failure = classify(error);
                LOG.debug("DNS {} {} via {}: {} ({})", q.name, q.type, server, failure, error.toString());
                attempt(q, tryNumber + 1, failure);
                return;
            }
            DnsAnswer answer = ResponseReader.read(q.name, q.qname, q.type, response);
            boolean serverTrouble = answer.outcome() == DnsOutcome.SERVFAIL || answer.outcome() == DnsOutcome.REFUSED;
            if (serverTrouble && tryNumber + 1 < servers.size()) {
                LOG.debug("DNS {} {} via {}: {}, trying the next server", q.name, q.type, server, answer.outcome());
                attempt(q, tryNumber + 1, answer.outcome());
                return;
            }
            q.result.complete(new Exchange(answer, response));
        }, executor);
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

    /** One question in flight. */
    private record Question(String name, Name qname, int type, Message query, long deadlineNanos,
                            CompletableFuture<Exchange> result) {
    }

    /** An answer with the response it came from ({@code null} when no response arrived). */
    record Exchange(DnsAnswer answer, Message response) {
    }
}
