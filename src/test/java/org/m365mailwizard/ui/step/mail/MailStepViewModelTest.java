// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.GraphLimits;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.RetryPolicy;
import org.m365mailwizard.core.graph.SendOutcome;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** The test-mail view model without a toolkit: same-thread tasks, Graph on loopback, fake time. */
class MailStepViewModelTest {

    private static final String SEND = "/v1.0/users/web@contoso.com/sendMail";
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    @TempDir
    Path dir;

    private final HttpsStandIn graph = HttpsStandIn.start();
    private final FakeTime time = new FakeTime(NOW);
    private final WizardModel model = new WizardModel();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private Function<MailConfig, CompletionStage<AccessToken>> tokens = config -> {
        tokenRequests.incrementAndGet();
        return CompletableFuture.completedFuture(token("fresh-token", NOW.plusSeconds(3600), "Mail.Send"));
    };
    private GraphLimits limits = GraphLimits.defaults();

    @BeforeEach
    void setUp() {
        model.senderProperty().set("web@contoso.com");
        model.domainProperty().set("contoso.com");
        model.endpointOverrideProperty().set(new Endpoints(graph.baseUri(), graph.baseUri()));
        model.grantProperty().set(Grant.APPLICATION);
        model.applicationTokenProperty().set(token("stored-token", NOW.plusSeconds(3600), "Mail.Send"));
        model.recipientsProperty().set("alice@example.org");
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private MailStepViewModel vm() {
        GraphMailClient client = new GraphMailClient(GraphMailClient.httpClient(RetryPolicy.defaults(), null), json,
                limits, RetryPolicy.defaults(), time, time);
        return new MailStepViewModel(model, client, config -> tokens.apply(config), new Texts(Language.ENGLISH), time,
                FxTasks.sameThread(), Runnable::run);
    }

    private static AccessToken token(String value, Instant expires, String... roles) {
        return new AccessToken(value, expires, List.of(roles), List.of(), "tid", null);
    }

    @Test
    void aTypedSubjectIsSentAndABlankOneGivesTheUsualSubject() throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        MailStepViewModel vm = vm();
        vm.subjectProperty().set("  Contact form test  ");
        vm.send();
        vm.subjectProperty().set("");
        vm.send();

        var requests = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(json.readTree(requests.get(0).getBody()).at("/message/subject").asText()).isEqualTo("Contact form test");
        assertThat(json.readTree(requests.get(1).getBody()).at("/message/subject").asText())
                .isEqualTo(vm.defaultSubject()).contains("contoso.com");
    }

    @Test
    void theLastOutcomeOutlivesThePageAndGoesStaleWhenItsInputsChange() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied.\"}}")));
        vm().send();

        // The page is built again (a language switch): the same fact, not words, and still current.
        MailStepViewModel rebuilt = vm();
        assertThat(rebuilt.shownOutcomeProperty().get()).isNotNull().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.message().args()).contains("ErrorAccessDenied");
            assertThat(o.fix()).isNotNull();
        });
        assertThat(rebuilt.staleReasonProperty().get()).isNull();

        model.recipientsProperty().set("bob@example.org");
        assertThat(rebuilt.staleReasonProperty().get()).isEqualTo(Message.of("result.stale.recipients", "alice@example.org"));

        // A later attempt replaces it.
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        rebuilt.send();
        assertThat(rebuilt.shownOutcomeProperty().get().status()).isEqualTo(Status.PASS);
        assertThat(rebuilt.shownOutcomeProperty().get().proof().key()).isEqualTo("graph.ui.testId");
        assertThat(rebuilt.staleReasonProperty().get()).isNull();
    }

    @Test
    void sendsWithTheStoredTokenAndRecordsTheFinding() throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        model.dnsFindings().add(Finding.of("spf", Status.PASS, "", List.of(), Message.of("graph.mail.attachments", "spf-ok")));
        MailStepViewModel vm = vm();
        vm.saveToSentItemsProperty().set(false);

        assertThat(vm.canSendProperty().get()).isTrue();
        vm.send();

        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isNull();
        assertThat(model.mailFindings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("graph-send");
            assertThat(f.status()).isEqualTo(Status.PASS);
        });
        assertThat(tokenRequests).hasValue(0);
        var request = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer stored-token");
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.get("saveToSentItems").asBoolean()).isFalse();
        assertThat(body.at("/message/body/content").asText()).contains("<td>spf</td><td>Passed</td>", "spf-ok");
        assertThat(model.recipientsProperty().get()).isEqualTo("alice@example.org");
    }

    @Test
    void aTokenAboutToExpireIsReplacedByAFreshOne() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        model.applicationTokenProperty().set(token("old", NOW.plusSeconds(60), "Mail.Send"));
        model.tenantIdProperty().set("tid");
        model.clientIdProperty().set("cid");
        model.clientSecretProperty().set("s");

        vm().send();

        assertThat(tokenRequests).hasValue(1);
        assertThat(graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer fresh-token");
    }

    @Test
    void afterAPossibleSendOnlyAnExplicitSendAgainSendsOnceMore() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(503)));
        MailStepViewModel vm = vm();

        vm.send();

        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
        assertThat(vm.awaitingDecisionProperty().get()).isTrue();
        assertThat(vm.canSendProperty().get()).isFalse();
        vm.send();
        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(model.mailFindings().get(0).status()).isEqualTo(Status.ERROR);

        graph.wireMock().resetAll();
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        vm.sendAgain();

        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(vm.awaitingDecisionProperty().get()).isFalse();
    }

    @Test
    void theWaitGraphAskedForIsShownWhileItLasts() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("t").whenScenarioStateIs("Started")
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20")));
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202)));
        MailStepViewModel vm = vm();
        List<Message> shownDuringWait = new CopyOnWriteArrayList<>();
        time.onSleep = () -> shownDuringWait.add(vm.progressProperty().get());

        vm.send();

        assertThat(shownDuringWait).containsExactly(Message.of("graph.wait.asked", 20, 429, 1, 3));
        assertThat(time.slept).containsExactly(Duration.ofSeconds(20));
        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.ACCEPTED);
    }

    @Test
    void cancellingDuringAWaitSendsNothingMore() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20")));
        MailStepViewModel vm = vm();
        time.onSleep = vm::cancel;

        vm.send();

        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.CANCELLED);
        assertThat(vm.awaitingDecisionProperty().get()).isFalse();
        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void whatIsMissingIsSaidAndSendingWaitsForIt() {
        MailStepViewModel vm = vm();
        model.recipientsProperty().set("alice@");
        assertThat(vm.recipientsProblemProperty().get()).isEqualTo(Message.of("graph.recipient.invalid", "alice@"));
        assertThat(vm.canSendProperty().get()).isFalse();
        model.recipientsProperty().set("alice@example.org");
        model.applicationTokenProperty().set(null);
        assertThat(vm.credentialsProblemProperty().get()).isEqualTo(Message.of("graph.ui.needCredentials"));
        model.grantProperty().set(Grant.DELEGATED);
        assertThat(vm.credentialsProblemProperty().get()).isEqualTo(Message.of("graph.ui.needSignIn"));
        model.senderProperty().set("");
        assertThat(vm.credentialsProblemProperty().get()).isEqualTo(Message.of("graph.ui.needSender"));

        vm.send();

        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void delegatedSendsAsTheSignedInUser() {
        graph.wireMock().stubFor(post(urlPathEqualTo("/v1.0/me/sendMail")).willReturn(aResponse().withStatus(202)));
        model.grantProperty().set(Grant.DELEGATED);
        model.delegatedTokenProperty().set(new AccessToken("user-token", NOW.plusSeconds(3600), List.of(),
                List.of("Mail.Send"), "tid", "web@contoso.com"));

        vm().send();

        assertThat(graph.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1.0/me/sendMail"))).get(0)
                .getHeader("Authorization")).isEqualTo("Bearer user-token");
    }

    @Test
    void attachmentsAreCheckedWhenAddedAndLargeOnesNeedMailReadWrite() throws Exception {
        limits = new GraphLimits(4_000_000, 1000, 2 * GraphLimits.MB, 327_680);
        MailStepViewModel vm = vm();
        Path big = Files.write(dir.resolve("big.bin"), new byte[5000]);
        Path huge = dir.resolve("huge.bin");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3 * GraphLimits.MB);
        }

        vm.addAttachments(List.of(big, big, dir.resolve("missing.txt")));
        assertThat(vm.attachments()).containsExactly(big.toAbsolutePath());
        assertThat(vm.attachmentProblemProperty().get().key()).isEqualTo("graph.attach.missing");
        vm.addAttachments(List.of(huge));
        assertThat(vm.attachmentProblemProperty().get().key()).isEqualTo("graph.attach.tooLarge");
        assertThat(vm.attachments()).hasSize(1);

        vm.send();

        assertThat(vm.resultProperty().get().outcome()).isEqualTo(SendOutcome.NOT_PERMITTED);
        assertThat(model.mailFindings().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void inTheUsGovernmentCloudsAFileThatNeedsAnUploadSessionIsRefusedWhenAddedAndWhenSent() throws Exception {
        MailStepViewModel vm = vm();
        Path large = dir.resolve("large.bin");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(GraphLimits.NO_SESSION_MAX_ATTACHMENT_BYTES + 1);
        }
        model.cloudProperty().set(org.m365mailwizard.core.config.Cloud.USGOV);
        vm.addAttachments(List.of(large));
        assertThat(vm.attachmentProblemProperty().get().key()).isEqualTo("graph.attach.tooLargeNoSessions");
        assertThat(vm.attachments()).isEmpty();

        // Added while the setup said worldwide, then the cloud changed: the send checks again and sends nothing.
        model.cloudProperty().set(org.m365mailwizard.core.config.Cloud.GLOBAL);
        vm.addAttachments(List.of(large));
        assertThat(vm.attachments()).hasSize(1);
        model.cloudProperty().set(org.m365mailwizard.core.config.Cloud.USGOV_DOD);
        vm.send();

        assertThat(vm.failureProperty().get().key()).isEqualTo("graph.attach.tooLargeNoSessions");
        assertThat(model.mailFindings().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRefusedTokenIsShownAsTheProblemWithNothingSent() {
        model.applicationTokenProperty().set(null);
        model.tenantIdProperty().set("tid");
        model.clientIdProperty().set("cid");
        model.clientSecretProperty().set("s");
        tokens = config -> CompletableFuture.failedFuture(ProblemException.unavailable(null, "graph.token.failed"));
        MailStepViewModel vm = vm();

        vm.send();

        assertThat(vm.failureProperty().get()).isEqualTo(Message.of("graph.token.failed"));
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(model.mailFindings().get(0).status()).isEqualTo(Status.ERROR);
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aStoredAppOnlyTokenWithoutMailSendIsRefusedBeforeGraphWithTheConsentLink() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        model.tenantIdProperty().set("tid");
        model.clientIdProperty().set("cid");
        model.applicationTokenProperty().set(token("stored-token", NOW.plusSeconds(3600), "User.Read.All"));
        MailStepViewModel vm = vm();

        vm.send();

        assertThat(vm.failureProperty().get()).isEqualTo(Message.of("app.mailSend.missing"));
        assertThat(vm.failureFixProperty().get().key()).isEqualTo("app.mailSend.missing.fix");
        assertThat(vm.failureFixProperty().get().args().get(0).toString()).contains("/tid/v2.0/adminconsent?client_id=cid");
        assertThat(vm.shownOutcomeProperty().get().fix()).isEqualTo(vm.failureFixProperty().get());
        assertThat(model.mailFindings().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(model.mailFindings().get(0).message().key()).isEqualTo("app.mailSend.missing");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aFreshAppOnlyTokenWithoutMailSendIsRefusedToo() {
        model.applicationTokenProperty().set(null);
        model.tenantIdProperty().set("tid");
        model.clientIdProperty().set("cid");
        model.clientSecretProperty().set("s");
        tokens = config -> CompletableFuture.completedFuture(token("fresh-token", NOW.plusSeconds(3600)));
        MailStepViewModel vm = vm();

        vm.send();

        assertThat(vm.failureProperty().get()).isEqualTo(Message.of("app.mailSend.missing"));
        assertThat(vm.failureFixProperty().get().key()).isEqualTo("app.mailSend.missing.fix");
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
