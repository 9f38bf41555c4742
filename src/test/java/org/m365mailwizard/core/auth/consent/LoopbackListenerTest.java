// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.ScriptedBrowser;

/** The listener as a security boundary, driven by real HTTP on loopback. */
class LoopbackListenerTest {

    private static final String STATE = "expected-state-0123456789abcdefghijklmnop";
    private static final String IDP = "https://login.example.test";
    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final InetAddress V4 = InetAddress.getLoopbackAddress();

    private final ScriptedBrowser browser = new ScriptedBrowser();
    private LoopbackListener listener;

    @AfterEach
    void closeListener() {
        if (listener != null) {
            listener.close();
        }
    }

    private LoopbackListener start(ResponseMode mode, Duration timeout, Texts texts) throws IOException {
        listener = LoopbackListener.start(new LoopbackListener.Settings(STATE, mode, "/", timeout, Set.of(IDP),
                answer -> answer.containsKey("code")
                        ? new BrowserPage(true, Message.of("consent.page.signIn.done.title"), Message.of("consent.page.signIn.done.detail"))
                        : new BrowserPage(false, Message.of("consent.page.signIn.refused.title"),
                                ConsentErrors.explain(answer.get("error"), answer.get("error_description"), "t", "c").problem(),
                                ConsentErrors.explain(answer.get("error"), answer.get("error_description"), "t", "c").fix())),
                texts, Clock.systemUTC());
        return listener;
    }

    private URI callback(String query) {
        return URI.create(listener.redirectUri() + "/?" + query);
    }

    @Test
    void acceptsTheAnswerWithTheRightStateAnswersWithAPageAndClosesThePort() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);
        assertThat(listener.redirectUri().toString()).isEqualTo("http://localhost:" + listener.port());

        ScriptedBrowser.Page page = browser.get(callback("code=the-code&state=" + STATE + "&session_state=x"), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in").contains("close this browser tab").contains("lang=\"en\"");
        CallbackResult result = listener.result().get(5, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(CallbackResult.Outcome.RECEIVED);
        assertThat(result.parameters()).containsEntry("code", "the-code").doesNotContainKey("state");
        assertThat(result.toString()).doesNotContain("the-code");
        awaitClosed();
        assertThat(ScriptedBrowser.accepts(V4, listener.port())).as("port released after one answer").isFalse();
    }

    @Test
    void wrongStateIsRefusedWithoutReadingTheCodeAndDoesNotUseUpTheWait() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);

        ScriptedBrowser.Page refused = browser.get(callback("code=stolen&state=not-the-state"), Map.of());
        ScriptedBrowser.Page missing = browser.get(callback("code=stolen"), Map.of());
        ScriptedBrowser.Page doubled = browser.get(callback("state=" + STATE + "&state=" + STATE + "&code=x"), Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("does not belong").doesNotContain("stolen");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(doubled.status()).as("two states: no telling which is real").isEqualTo(400);
        assertThat(listener.refusedStates()).isEqualTo(3);
        assertThat(listener.result()).isNotDone();

        assertThat(browser.get(callback("state=" + STATE + "&code=real"), Map.of()).status()).isEqualTo(200);
        assertThat(listener.result().get(5, TimeUnit.SECONDS).parameters()).containsEntry("code", "real");
    }

    @Test
    void ignoresOtherPathsMethodsHostsAndOriginsWithoutConsumingTheWait() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);
        int port = listener.port();
        String good = "state=" + STATE + "&code=c";

        assertThat(browser.get(URI.create("http://localhost:" + port + "/favicon.ico"), Map.of()).status()).isEqualTo(404);
        assertThat(browser.get(URI.create("http://localhost:" + port + "/callback?" + good), Map.of()).status()).isEqualTo(404);
        assertThat(browser.post(URI.create("http://localhost:" + port + "/"), good, Map.of()).status()).isEqualTo(405);
        assertThat(browser.get(callback(good), Map.of("Origin", "https://evil.example")).status()).isEqualTo(403);
        assertThat(browser.get(callback(good), Map.of("Origin", "null")).status()).isEqualTo(403);
        // DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own Host.
        assertThat(ScriptedBrowser.rawRequest(V4, port, "GET /?" + good + " HTTP/1.1\r\nHost: evil.example:" + port
                + "\r\nConnection: close\r\n\r\n")).isEqualTo(421);
        assertThat(ScriptedBrowser.rawRequest(V4, port, "GET /?" + good + " HTTP/1.1\r\nConnection: close\r\n\r\n"))
                .as("no Host at all").isEqualTo(421);

        assertThat(listener.ignoredRequests()).isEqualTo(7);
        assertThat(listener.result()).isNotDone();
        assertThat(browser.get(callback(good), Map.of("Origin", "http://localhost:" + port)).status()).isEqualTo(200);
        assertThat(listener.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackResult.Outcome.RECEIVED);
    }

    @Test
    void formPostIsAcceptedFromTheIdentityPlatformsOriginOnlyAsPost() throws Exception {
        start(ResponseMode.FORM_POST, Duration.ofSeconds(30), EN);
        URI root = URI.create(listener.redirectUri() + "/");

        assertThat(browser.get(callback("state=" + STATE + "&code=c"), Map.of()).status()).isEqualTo(405);
        assertThat(browser.postForm(root, Map.of("state", STATE, "code", "c"), Map.of("Origin", "https://login.evil.example"))
                .status()).isEqualTo(403);
        assertThat(browser.post(root, "x".repeat(17 * 1024), Map.of()).status()).as("oversized body").isEqualTo(413);
        assertThat(listener.result()).isNotDone();

        ScriptedBrowser.Page page = browser.postForm(root, Map.of("code", "posted", "state", STATE), Map.of("Origin", IDP));
        assertThat(page.status()).isEqualTo(200);
        assertThat(listener.result().get(5, TimeUnit.SECONDS).parameters()).containsEntry("code", "posted");
    }

    @Test
    void theBrowserPageNeverReflectsRequestTextAndSpeaksTheUsersLanguage() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), new Texts(Language.SIMPLIFIED_CHINESE));
        String script = "<script>alert(1)</script>";

        ScriptedBrowser.Page page = browser.get(callback("state=" + STATE + "&error=%3Cb%3Eaccess_denied%3C%2Fb%3E"
                + "&error_description=" + java.net.URLEncoder.encode("AADSTS65004: " + script, "UTF-8")), Map.of());

        assertThat(page.body()).doesNotContain(script).doesNotContain("alert(").doesNotContain("<b>")
                .contains("lang=\"zh-CN\"").contains("应用权限的同意被拒绝（AADSTS65004）").contains("请重新登录并接受");
        assertThat(listener.result().get(5, TimeUnit.SECONDS).error()).contains("<b>access_denied</b>");
    }

    @Test
    void pageTextIsEscapedEvenWhenAnArgumentCarriesMarkup() {
        String html = new BrowserPage(false, Message.of("consent.page.signIn.refused.title"),
                Message.of("consent.oauth.other", "<img src=x onerror=alert(1)>", "\"'&")).html(EN);
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;&#39;&amp;").doesNotContain("<script");
    }

    @Test
    void timesOutAndFreesThePortAndShowsTheRemainingTime() throws Exception {
        start(ResponseMode.QUERY, Duration.ofMillis(400), EN);
        int port = listener.port();
        assertThat(listener.remaining(Instant.now())).isLessThanOrEqualTo(Duration.ofMillis(400)).isPositive();

        CallbackResult result = listener.result().get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CallbackResult.Outcome.TIMED_OUT);
        assertThat(listener.remaining(Instant.now())).isZero();
        awaitClosed();
        assertThat(ScriptedBrowser.accepts(V4, port)).isFalse();
    }

    @Test
    void defaultTimeoutIsFiveMinutesAndTheCountdownUsesTheClock() throws IOException {
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        listener = LoopbackListener.start(new LoopbackListener.Settings(STATE, ResponseMode.QUERY, "/",
                LoopbackListener.DEFAULT_TIMEOUT, Set.of(), a -> null), EN, Clock.fixed(t0, ZoneOffset.UTC));
        assertThat(listener.deadline()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(listener.remaining(t0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(210));
    }

    @Test
    void cancelFreesThePortAtOnceSoAnImmediateRetryGetsAFreshOne() throws Exception {
        start(ResponseMode.QUERY, Duration.ofMinutes(5), EN);
        int first = listener.port();

        listener.cancel();

        assertThat(listener.isClosed()).isTrue();
        assertThat(listener.result().get(1, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackResult.Outcome.CANCELLED);
        assertThat(ScriptedBrowser.accepts(V4, first)).isFalse();
        LoopbackListener old = listener;
        start(ResponseMode.QUERY, Duration.ofMinutes(5), EN);
        assertThat(listener.port()).isNotEqualTo(first);
        assertThat(browser.get(callback("state=" + STATE + "&code=again"), Map.of()).status()).isEqualTo(200);
        assertThat(old.result().get().parameters()).isEmpty();
    }

    @Test
    void bindsTheLoopbackAddressOnlyNeverTheWildcard() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);
        InetSocketAddress bound = listener.boundAddress();

        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(bound.getAddress().isAnyLocalAddress()).isFalse();
        // Another loopback address of this host: reachable only if the socket were bound to the wildcard.
        assertThat(ScriptedBrowser.accepts(InetAddress.getByName("127.0.0.2"), listener.port())).isFalse();
        assertThat(ScriptedBrowser.accepts(InetAddress.getByName("::1"), listener.port())).isFalse();
        // The machine's own network addresses are not tried (no traffic off loopback), but none of them is bound.
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
                    assertThat(bound.getAddress()).isNotEqualTo(address);
                }
            }
        }
    }

    @Test
    void aRequestFromANonLoopbackSourceIsIgnoredEvenIfItCarriesTheRightState() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);
        // 192.0.2.0/24 is TEST-NET-1: the exchange is simulated, nothing is sent anywhere.
        FakeExchange foreign = new FakeExchange("GET", "/?state=" + STATE + "&code=c",
                InetAddress.getByName("192.0.2.10"), "localhost:" + listener.port());
        listener.handle(foreign);
        FakeExchange local = new FakeExchange("GET", "/?state=" + STATE + "&code=c", V4, "localhost:" + listener.port());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(listener.ignoredRequests()).isEqualTo(1);
        assertThat(listener.result()).isNotDone();
        listener.handle(local);
        assertThat(local.status()).isEqualTo(200);
        assertThat(listener.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(CallbackResult.Outcome.RECEIVED);
    }

    @Test
    void nothingOfTheAnswerReachesTheLog() throws Exception {
        start(ResponseMode.QUERY, Duration.ofSeconds(30), EN);
        String code = "code-value-that-must-not-be-logged-7f3a";
        browser.get(callback("state=wrong-" + code + "&code=" + code), Map.of());
        browser.get(callback("state=" + STATE + "&code=" + code), Map.of());
        listener.result().get(5, TimeUnit.SECONDS);

        Path log = Path.of("target/test.log");
        assertThat(Files.exists(log)).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.contains("Refused an answer whose state does not match"));
        assertThat(String.join("\n", lines)).doesNotContain(code).doesNotContain(STATE);
    }

    private void awaitClosed() throws InterruptedException {
        for (int i = 0; i < 50 && !listener.isClosed(); i++) {
            Thread.sleep(20);
        }
        assertThat(listener.isClosed()).isTrue();
    }
}
