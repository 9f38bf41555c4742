// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.ScriptedBrowser;

/**
 * Security review D5: a slow local connection (slowloris) must not keep the browser's real redirect
 * waiting, and is itself dropped after the request time limit. Raw sockets on loopback.
 */
class LoopbackSlowClientTest {

    private static final String STATE = "expected-state-0123456789abcdefghijklmnop";
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private LoopbackListener listener() throws IOException {
        LoopbackListener listener = LoopbackListener.start(new LoopbackListener.Settings(STATE, ResponseMode.QUERY, "/",
                Duration.ofSeconds(60), Set.of(), answer -> new BrowserPage(true,
                        Message.of("consent.page.signIn.done.title"), Message.of("consent.page.signIn.done.detail"))),
                new Texts(Language.ENGLISH), Clock.systemUTC());
        toClose.add(listener);
        return listener;
    }

    /** A connection that sends one header line a second and never ends its request. */
    private Thread trickle(int port, AtomicBoolean stop) throws IOException {
        Socket slow = new Socket(InetAddress.getLoopbackAddress(), port);
        toClose.add(slow);
        OutputStream out = slow.getOutputStream();
        out.write(("GET /?state=" + STATE + "&code=slow HTTP/1.1\r\nHost: localhost:" + port + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; !stop.get() && i < 30; i++) {
                    out.write(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                // dropped by the listener, or the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void theRealCallbackIsAnsweredAtOnceWhileASlowConnectionTrickles() throws Exception {
        LoopbackListener listener = listener();
        AtomicBoolean stop = new AtomicBoolean();
        trickle(listener.port(), stop);
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            s.getOutputStream().write('G');
            toClose.add(s);
            silent.add(s);
        }
        Thread.sleep(1500);

        long start = System.nanoTime();
        ScriptedBrowser.Page page = new ScriptedBrowser().get(
                URI.create(listener.redirectUri() + "/?state=" + STATE + "&code=real"), Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        stop.set(true);

        assertThat(page.status()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(listener.result().get(5, TimeUnit.SECONDS).parameters()).containsEntry("code", "real");
    }

    @Test
    void aConnectionThatNeverFinishesItsRequestIsDroppedAfterTheTimeLimit() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(InetAddress.getLoopbackAddress(),
                exchange -> exchange.respond(200, Map.of(), new byte[0]), Duration.ofSeconds(1))) {
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
                OutputStream out = slow.getOutputStream();
                out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.setSoTimeout(10_000);
                long start = System.nanoTime();
                InputStream in = slow.getInputStream();
                // A header line every 300 ms stays under any per-read timeout; only a deadline ends it.
                int read = 0;
                for (int i = 0; i < 30 && read != -1; i++) {
                    try {
                        out.write(("X-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        break;
                    }
                    Thread.sleep(300);
                    read = in.available() > 0 ? in.read() : 0;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void oversizedAndMalformedHeadsAreRefusedAndTheListenerStillAnswers() throws Exception {
        LoopbackListener listener = listener();
        // The answer may be lost to a reset when the client is still writing; either way it is refused.
        assertThat(raw(listener.port(), "GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(200_000) + "\r\n\r\n"))
                .isIn("HTTP/1.1 431", "reset");
        assertThat(raw(listener.port(), "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"))
                .startsWith("HTTP/1.1 400");
        assertThat(raw(listener.port(), "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(listener.result()).isNotDone();

        ScriptedBrowser.Page page = new ScriptedBrowser().get(
                URI.create(listener.redirectUri() + "/?state=" + STATE + "&code=real"), Map.of());
        assertThat(page.status()).isEqualTo(200);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(15_000);
            try {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // the server may answer and close before all of a huge request is written
            }
            try {
                return new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException e) {
                return "reset";
            }
        }
    }
}
