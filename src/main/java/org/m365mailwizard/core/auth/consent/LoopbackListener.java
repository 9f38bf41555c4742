// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one OAuth redirect on the admin's own machine: the security boundary between the browser
 * and the wizard. It listens on 127.0.0.1 only (never the wildcard address) at an ephemeral port, on
 * one exact path, for one HTTP method; it takes exactly one answer whose {@code state} matches, then
 * closes, and it closes as well on timeout or cancel, so a retry always starts on a fresh port.
 *
 * <p>Requests from elsewhere than loopback, on another path, with a Host that is not this listener or an
 * Origin that is neither loopback nor the identity platform, or with another method, are answered
 * briefly and <em>ignored</em>: they do not use up the one answer. The {@code state} is compared in
 * constant time before any other parameter is read; an answer with a wrong {@code state} is refused
 * and not consumed either, so a web page guessing at local ports cannot end the wait. Nothing from the
 * request is ever written back to the browser, and nothing of an answer is logged. Connections are
 * handled concurrently, each with a time limit ({@link LoopbackServer}), so a slow local connection
 * never keeps the real redirect waiting.
 */
public final class LoopbackListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackListener.class);
    private static final byte[] LOOPBACK_V4 = {127, 0, 0, 1};

    /** Default time the browser has to come back: long enough to sign in with MFA, short enough to notice. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /**
     * What one wait accepts.
     *
     * @param expectedState the {@code state} sent in the authorize URL
     * @param mode the only method accepted (GET for query, POST for form_post)
     * @param callbackPath the one path answered, e.g. {@code /}; must match the registered redirect URI's path
     * @param timeout how long to wait for the browser
     * @param identityOrigins origins besides loopback a form_post may come from, e.g. {@code https://login.microsoftonline.com}
     * @param pageFor the page to show for an accepted answer (its parameters, {@code state} removed)
     */
    public record Settings(String expectedState, ResponseMode mode, String callbackPath, Duration timeout,
                           Set<String> identityOrigins, Function<Map<String, String>, BrowserPage> pageFor) {
        public Settings {
            Objects.requireNonNull(expectedState, "expectedState");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(callbackPath, "callbackPath");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(pageFor, "pageFor");
            if (!callbackPath.startsWith("/")) {
                throw new IllegalArgumentException("callback path must start with /");
            }
            if (expectedState.length() < 16) {
                throw new IllegalArgumentException("state too short to be unguessable");
            }
            identityOrigins = Set.copyOf(identityOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        }

        @Override
        public String toString() {
            return "Settings[mode=" + mode + ", path=" + callbackPath + ", timeout=" + timeout + "]";
        }
    }

    private final Settings settings;
    private final Texts texts;
    private LoopbackServer server;
    private volatile int port;
    private final Instant deadline;
    private final CompletableFuture<CallbackResult> result = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicInteger ignored = new AtomicInteger();
    private final AtomicInteger refusedStates = new AtomicInteger();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private LoopbackListener(Settings settings, Texts texts, Instant deadline) {
        this.settings = settings;
        this.texts = texts;
        this.deadline = deadline;
    }

    /** Binds 127.0.0.1 on a port the system picks, and starts waiting. */
    public static LoopbackListener start(Settings settings, Texts texts, Clock clock) throws IOException {
        LoopbackListener listener = new LoopbackListener(settings, texts, clock.instant().plus(settings.timeout()));
        listener.server = LoopbackServer.start(InetAddress.getByAddress(LOOPBACK_V4), listener::handle);
        listener.port = listener.server.address().getPort();
        listener.result.completeOnTimeout(CallbackResult.ended(CallbackResult.Outcome.TIMED_OUT),
                settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        // Close off the result's own thread: the one answering the browser must finish its reply first.
        listener.result.whenComplete((r, e) -> {
            Thread closer = new Thread(listener::shutdown, "m365-loopback-close");
            closer.setDaemon(true);
            closer.start();
        });
        LOG.info("Waiting for the browser on 127.0.0.1:{} ({}, timeout {})", listener.port, settings.mode(),
                settings.timeout());
        return listener;
    }

    /** The redirect URI to send: {@code http://localhost:<port>} plus the path when it is not {@code /}. */
    public URI redirectUri() {
        String path = "/".equals(settings.callbackPath()) ? "" : settings.callbackPath();
        return URI.create("http://localhost:" + port + path);
    }

    public int port() {
        return port;
    }

    /** The socket address actually bound (always 127.0.0.1). */
    public InetSocketAddress boundAddress() {
        return server.address();
    }

    /** When the wait ends by itself. */
    public Instant deadline() {
        return deadline;
    }

    /** Time left at {@code now}, never negative: for a countdown. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Completes once: with the accepted answer, on timeout, or on cancel. */
    public CompletableFuture<CallbackResult> result() {
        return result.copy();
    }

    /** Blocks until the wait ends. */
    public CallbackResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the listener's result never fails", e);
        }
    }

    /** Ends the wait now; the port is released before this returns. */
    public void cancel() {
        result.complete(CallbackResult.ended(CallbackResult.Outcome.CANCELLED));
        closed.join();
    }

    /** Requests answered but ignored (wrong source, path, Host, Origin, method or state): for diagnostics. */
    public int ignoredRequests() {
        return ignored.get();
    }

    /** Answers refused because their {@code state} did not match. */
    public int refusedStates() {
        return refusedStates.get();
    }

    /** True once the port is released. */
    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        cancel();
    }

    private void shutdown() {
        try {
            server.close();
        } finally {
            closed.complete(null);
        }
    }

    void handle(LoopbackServer.Exchange exchange) throws IOException {
        try {
            Optional<String> why = whyIgnore(exchange.request());
            if (why.isPresent()) {
                ignored.incrementAndGet();
                LOG.info("Ignored a request to the loopback listener: {}", why.get());
                int status = statusFor(why.get());
                plain(exchange, status, status == 404 ? "Not found" : "Refused");
                return;
            }
            String raw = readParameters(exchange.request());
            Optional<String> state;
            try {
                state = FormData.single(raw, "state");
            } catch (FormData.MalformedException e) {
                state = Optional.empty();
            }
            if (state.isEmpty() || !RandomValues.constantTimeEquals(settings.expectedState(), state.get())) {
                ignored.incrementAndGet();
                refusedStates.incrementAndGet();
                LOG.warn("Refused an answer whose state does not match the sign-in in progress");
                page(exchange, 400, new BrowserPage(false, Message.of("consent.page.wrongState.title"),
                        Message.of("consent.page.wrongState.detail")));
                return;
            }
            if (!answered.compareAndSet(false, true) || result.isDone()) {
                page(exchange, 410, new BrowserPage(false, Message.of("consent.page.used.title"),
                        Message.of("consent.page.used.detail")));
                return;
            }
            Map<String, String> parameters;
            try {
                parameters = new LinkedHashMap<>(FormData.parse(raw));
                parameters.remove("state");
            } catch (FormData.MalformedException e) {
                parameters = Map.of("error", CallbackResult.MALFORMED);
            }
            try {
                page(exchange, 200, settings.pageFor().apply(Map.copyOf(parameters)));
            } finally {
                // The answer counts even if the browser went away before the page was written.
                result.complete(new CallbackResult(CallbackResult.Outcome.RECEIVED, parameters));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Loopback listener could not answer a request: {}", e.getClass().getSimpleName());
            throw e;
        }
    }

    /** A reason to leave the request alone, or empty when it may be the answer. Reasons are fixed words. */
    private Optional<String> whyIgnore(LoopbackRequest request) {
        InetAddress from = request.remote();
        if (from == null || !from.isLoopbackAddress()) {
            return Optional.of("source");
        }
        if (!settings.callbackPath().equals(request.rawPath())) {
            return Optional.of("path");
        }
        List<String> hosts = request.header("Host");
        if (hosts.size() != 1 || !isOwnHost(hosts.get(0))) {
            return Optional.of("host");
        }
        List<String> origins = request.header("Origin");
        if (!origins.isEmpty() && (origins.size() != 1 || !isAllowedOrigin(origins.get(0)))) {
            return Optional.of("origin");
        }
        if (!settings.mode().method().equals(request.method())) {
            return Optional.of("method");
        }
        return Optional.empty();
    }

    private boolean isOwnHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("localhost:" + port) || h.equals("127.0.0.1:" + port);
    }

    private boolean isAllowedOrigin(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.equals("http://localhost:" + port) || o.equals("http://127.0.0.1:" + port)
                || settings.identityOrigins().contains(o);
    }

    private static int statusFor(String reason) {
        return switch (reason) {
            case "path" -> 404;
            case "method" -> 405;
            case "host" -> 421;
            default -> 403;
        };
    }

    /** The raw query (GET) or form body (POST, already bounded by {@link LoopbackRequest}); empty when not a form. */
    private String readParameters(LoopbackRequest request) {
        if (settings.mode() == ResponseMode.QUERY) {
            return request.rawQuery() == null ? "" : request.rawQuery();
        }
        List<String> types = request.header("Content-Type");
        String type = types.isEmpty() ? "" : types.get(0);
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return "";
        }
        return new String(request.body(), StandardCharsets.US_ASCII);
    }

    private void page(LoopbackServer.Exchange exchange, int status, BrowserPage page) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page.html(texts).getBytes(StandardCharsets.UTF_8));
    }

    private void plain(LoopbackServer.Exchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(LoopbackServer.Exchange exchange, int status, String type, byte[] body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Frame-Options", "DENY");
        if (status == 405) {
            headers.put("Allow", settings.mode().method());
        }
        exchange.respond(status, headers, body);
    }
}
