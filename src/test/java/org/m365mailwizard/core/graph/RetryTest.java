// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.Grant;

/**
 * Retry-After honoured on 429 (seconds and HTTP dates), bounded; and never a second sendMail after
 * it may have arrived (503, 5xx, timeout). Time is fake: the waits are asserted, not waited.
 */
class RetryTest {

    private final GraphFixture fx = new GraphFixture();
    private final WireMockServer graph = fx.graph.wireMock();
    private final List<RetryWait> announced = new CopyOnWriteArrayList<>();
    private final SendListener listener = new SendListener() {
        @Override
        public void waiting(RetryWait wait) {
            announced.add(wait);
        }
    };

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void a429IsRetriedAfterTheSecondsGraphAskedFor() throws Exception {
        answers(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"error\":{\"code\":\"ApplicationThrottled\",\"message\":\"Application is over its MailboxConcurrency limit.\"}}"),
                aResponse().withStatus(202));

        SendResult result = send();

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(7));
        assertThat(announced).containsExactly(new RetryWait(429, Duration.ofSeconds(7), 1, 3, true));
        assertThat(fx.texts.format(announced.get(0).message()))
                .isEqualTo("Microsoft 365 asked to wait 7 s (HTTP 429). Retry 1 of 3 follows.");
        assertThat(result.waits()).isEqualTo(announced);
        List<LoggedRequest> sends = graph.findAll(postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).getHeader("Retry-Attempt")).isEqualTo("1");
        assertThat(sends.get(1).getBodyAsString()).isEqualTo(sends.get(0).getBodyAsString());
    }

    @Test
    void a429WithAnHttpDateWaitsUntilThatTime() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(GraphFixture.START.plusSeconds(12).atOffset(ZoneOffset.UTC));
        answers(aResponse().withStatus(429).withHeader("Retry-After", date), aResponse().withStatus(202));

        SendResult result = send();

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(12));
        assertThat(announced.get(0).fromHeader()).isTrue();
    }

    @Test
    void retryAfterZeroStillWaitsASecond() throws Exception {
        answers(aResponse().withStatus(429).withHeader("Retry-After", "0"), aResponse().withStatus(202));

        assertThat(send().outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void withoutRetryAfterItBacksOffExponentiallyAndStopsAfterThreeRetries() throws Exception {
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).willReturn(aResponse().withStatus(429)));

        SendResult result = send();

        assertThat(result.outcome()).isEqualTo(SendOutcome.THROTTLED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.mayHaveBeenSent()).isFalse();
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12));
        assertThat(announced).noneMatch(RetryWait::fromHeader);
        assertThat(result.summary()).isEqualTo(org.m365mailwizard.core.check.Message.of("graph.result.throttled", 3));
        assertThat(result.problem()).isEqualTo(GraphProblem.THROTTLED);
        graph.verify(4, postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
    }

    @Test
    void aWaitLongerThanThePolicyAllowsIsReportedNotWaited() throws Exception {
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

        SendResult result = send();

        assertThat(result.outcome()).isEqualTo(SendOutcome.THROTTLED);
        assertThat(result.summary().key()).isEqualTo("graph.result.throttled.tooLong");
        assertThat(result.summary().args()).containsExactly("600");
        assertThat(fx.time.slept).isEmpty();
        graph.verify(1, postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
    }

    @Test
    void a503OnSendMailIsNeverSentAgainSilently() throws Exception {
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1").withHeader("request-id", "rid-503")));
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).inScenario("once")
                .whenScenarioStateIs("second").willReturn(aResponse().withStatus(202)));

        SendResult result = send();

        assertThat(result.outcome()).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
        assertThat(result.mayHaveBeenSent()).isTrue();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.summary().key()).isEqualTo("graph.result.unknown.status");
        assertThat(result.fix().key()).isEqualTo("graph.result.unknown.fix");
        assertThat(result.error().requestId()).isEqualTo("rid-503");
        assertThat(fx.time.slept).isEmpty();
        graph.verify(1, postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
    }

    @Test
    void aTimeoutAfterHandingOverIsAnUnknownOutcomeAndNotRepeated() throws Exception {
        // The first send opens the connection, so that the timeout hits the request, not the TLS handshake.
        answers(aResponse().withStatus(202), aResponse().withStatus(202).withFixedDelay(2500));
        java.net.http.HttpClient http = GraphMailClient.httpClient(RetryPolicy.defaults(), null);
        GraphMailClient patient = new GraphMailClient(http, fx.json, GraphLimits.defaults(), RetryPolicy.defaults(), fx.time, fx.time);
        RetryPolicy quick = RetryPolicy.defaults().withRequestTimeout(Duration.ofMillis(800));
        GraphMailClient client = new GraphMailClient(http, fx.json, GraphLimits.defaults(), quick, fx.time, fx.time);
        assertThat(patient.sendMail(fx.mailbox(), fx.message().build(), GraphFixture.token(), listener,
                Cancellation.none()).outcome()).isEqualTo(SendOutcome.ACCEPTED);

        SendResult result = client.sendMail(fx.mailbox(), fx.message().build(), GraphFixture.token(), listener,
                Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
        assertThat(result.summary().key()).isEqualTo("graph.result.unknown.timeout");
        assertThat(fx.time.slept).isEmpty();
        graph.verify(2, postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
    }

    @Test
    void aRefusedConnectionMeansNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Mailbox nowhere = new Mailbox("https://localhost:" + closedPort, Grant.APPLICATION, GraphFixture.SENDER, "p");

        SendResult result = fx.client().sendMail(nowhere, fx.message().build(), GraphFixture.token(), listener,
                Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.UNREACHABLE);
        assertThat(result.mayHaveBeenSent()).isFalse();
        assertThat(result.summary().args()).containsExactly("https://localhost:" + closedPort);
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void cancellingDuringAWaitEndsWithNothingSent() throws Exception {
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        Cancellation cancel = new Cancellation();
        fx.time.onSleep = cancel::cancel;

        SendResult result = fx.client().sendMail(fx.mailbox(), fx.message().build(), GraphFixture.token(), listener, cancel);

        assertThat(result.outcome()).isEqualTo(SendOutcome.CANCELLED);
        assertThat(result.mayHaveBeenSent()).isFalse();
        graph.verify(1, postRequestedFor(urlPathEqualTo(GraphFixture.SEND_PATH)));
    }

    @Test
    void theRealSleeperWakesAtOnceWhenCancelled() throws Exception {
        Cancellation cancel = new Cancellation();
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        }).start();
        long start = System.nanoTime();

        boolean completed = Sleeper.system().sleep(Duration.ofSeconds(30), cancel);

        assertThat(completed).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private SendResult send() throws Exception {
        return fx.client().sendMail(fx.mailbox(), fx.message().build(), GraphFixture.token(), listener, Cancellation.none());
    }

    private void answers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).inScenario("seq")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("then").willReturn(first));
        graph.stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).inScenario("seq")
                .whenScenarioStateIs("then").willReturn(then));
    }
}
