// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large-attachment path: draft, upload session with chunked PUTs, send (m365-facts §4.2). */
class UploadSessionTest {

    private static final String BOX = "/v1.0/users/web@contoso.com";
    private static final String DRAFT = BOX + "/messages/draft-1";
    private static final int SIZE = 1_000_000;
    /** Small thresholds so that a 1 MB file takes the upload path in four 327,680-byte chunks (any size below 4 MB is allowed). */
    private static final GraphLimits SMALL = new GraphLimits(4_000_000, 200_000, 150 * GraphLimits.MB, 327_680);

    @TempDir
    Path dir;

    private final GraphFixture fx = new GraphFixture();
    private WireMockServer graph;
    private byte[] big;
    private Path bigFile;
    private Path smallFile;

    @BeforeEach
    void files() throws Exception {
        graph = fx.graph.wireMock();
        big = new byte[SIZE];
        new Random(3).nextBytes(big);
        bigFile = Files.write(dir.resolve("big.bin"), big);
        smallFile = Files.writeString(dir.resolve("notes.txt"), "small and inline");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void uploadsInChunksOfTheConfiguredSizeWithoutAuthorizationThenSendsTheDraft() throws Exception {
        stubDraftAndSession(fx.graph.baseUri() + "/upload/s1?authtoken=UPLOAD-SECRET-41");
        stubChunk("bytes 0-327679/1000000", 200, "{\"nextExpectedRanges\":[\"327680-\"]}");
        stubChunk("bytes 327680-655359/1000000", 200, "{\"nextExpectedRanges\":[\"655360-999999\"]}");
        stubChunk("bytes 655360-983039/1000000", 200, "{\"NextExpectedRanges\":[\"983040\"]}");
        stubChunk("bytes 983040-999999/1000000", 201, "");
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/send")).willReturn(aResponse().withStatus(202)));
        List<Long> progress = new CopyOnWriteArrayList<>();
        SendListener listener = new SendListener() {
            @Override
            public void uploaded(String name, long sent, long total) {
                progress.add(sent);
            }
        };

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile, smallFile), GraphFixture.token("Mail.Send", "Mail.ReadWrite"),
                listener, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.attachments()).extracting(SendResult.Delivery::method)
                .containsExactly(AttachmentPlan.Method.UPLOAD_SESSION, AttachmentPlan.Method.INLINE);
        assertThat(progress).containsExactly(327_680L, 655_360L, 983_040L, 1_000_000L);
        List<LoggedRequest> requests = inOrder();
        assertThat(requests).extracting(r -> r.getMethod() + " " + r.getUrl()).containsExactly(
                "POST " + BOX + "/messages",
                "POST " + DRAFT + "/attachments/createUploadSession",
                "PUT /upload/s1?authtoken=UPLOAD-SECRET-41",
                "PUT /upload/s1?authtoken=UPLOAD-SECRET-41",
                "PUT /upload/s1?authtoken=UPLOAD-SECRET-41",
                "PUT /upload/s1?authtoken=UPLOAD-SECRET-41",
                "POST " + DRAFT + "/send");
        List<LoggedRequest> puts = requests.subList(2, 6);
        assertThat(puts).extracting(r -> r.getHeader("Content-Range")).containsExactly(
                "bytes 0-327679/1000000", "bytes 327680-655359/1000000",
                "bytes 655360-983039/1000000", "bytes 983040-999999/1000000");
        assertThat(puts).allSatisfy(r -> {
            assertThat(r.containsHeader("Authorization")).as("no bearer token to the upload URL").isFalse();
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(r.getBody().length).isEqualTo(Integer.parseInt(r.getHeader("Content-Length")));
        });
        ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
        for (LoggedRequest put : puts) {
            uploaded.write(put.getBody());
        }
        assertThat(uploaded.toByteArray()).isEqualTo(big);
        List<LoggedRequest> graphCalls = List.of(requests.get(0), requests.get(1), requests.get(6));
        assertThat(graphCalls).allSatisfy(r ->
                assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + GraphFixture.TOKEN));

        JsonNode draft = fx.json.readTree(requests.get(0).getBody());
        assertThat(draft.has("saveToSentItems")).as("a draft is a message, not a sendMail request").isFalse();
        assertThat(draft.at("/internetMessageHeaders/0/name").asText()).isEqualTo(TestMessage.TEST_HEADER);
        assertThat(draft.get("attachments")).hasSize(1);
        assertThat(new String(Base64.getDecoder().decode(draft.at("/attachments/0/contentBytes").asText())))
                .isEqualTo("small and inline");
        JsonNode item = fx.json.readTree(requests.get(1).getBody()).get("AttachmentItem");
        assertThat(item.get("attachmentType").asText()).isEqualTo("file");
        assertThat(item.get("name").asText()).isEqualTo("big.bin");
        assertThat(item.get("size").asLong()).isEqualTo(SIZE);
    }

    @Test
    void withoutMailReadWriteItSaysSoBeforeAnyRequest() throws Exception {
        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.Send"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.NOT_PERMITTED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary().key()).isEqualTo("graph.result.notPermitted");
        assertThat(result.fix().key()).isEqualTo("graph.result.notPermitted.fix");
        assertThat(fx.texts.format(result.fix())).contains("Mail.ReadWrite").contains("https://entra.microsoft.com");
        assertThat(graph.findAll(anyRequestedFor(anyUrl()))).as("nothing sent").isEmpty();
    }

    @Test
    void aTokenWithoutAnyRolesIsNotJudgedButTheUserIsTold() throws Exception {
        stubUploadOfTheBigFile();
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/send")).willReturn(aResponse().withStatus(202)));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.message().saveToSentItems(false).attachments(List.of(MailAttachment.of(bigFile, SMALL))).build(),
                GraphFixture.token(), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.notes()).extracting(n -> n.key())
                .containsExactly("graph.note.permissionUnknown", "graph.note.draftSaved");
        assertThat(result.savedToSentItems()).isTrue();
    }

    @Test
    void aChunkRefusedWith503IsSentAgainAfterRetryAfter() throws Exception {
        stubDraftAndSession(fx.graph.baseUri() + "/upload/s1");
        graph.stubFor(put(urlPathEqualTo("/upload/s1")).withHeader("Content-Range", equalTo("bytes 0-327679/1000000"))
                .inScenario("chunk").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("retried")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        graph.stubFor(put(urlPathEqualTo("/upload/s1")).withHeader("Content-Range", equalTo("bytes 0-327679/1000000"))
                .inScenario("chunk").whenScenarioStateIs("retried")
                .willReturn(aResponse().withStatus(200).withBody("{\"nextExpectedRanges\":[\"327680-\"]}")));
        stubChunk("bytes 327680-655359/1000000", 200, "{}");
        stubChunk("bytes 655360-983039/1000000", 200, "{}");
        stubChunk("bytes 983040-999999/1000000", 201, "");
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/send")).willReturn(aResponse().withStatus(202)));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(2));
        assertThat(result.waits()).extracting(RetryWait::status).containsExactly(503);
        assertThat(inOrder()).filteredOn(r -> r.getMethod().getName().equals("PUT")).hasSize(5);
    }

    @Test
    void aRefusedUploadSessionDeletesTheDraftAndSendsNothing() throws Exception {
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"draft-1\"}")));
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/attachments/createUploadSession")).willReturn(aResponse()
                .withStatus(403).withBody("{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check credentials and try again.\"}}")));
        graph.stubFor(delete(urlPathEqualTo(DRAFT)).willReturn(aResponse().withStatus(204)));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.REFUSED);
        assertThat(result.problem()).isEqualTo(GraphProblem.ACCESS_DENIED);
        assertThat(inOrder()).extracting(r -> r.getMethod() + " " + r.getUrl()).containsExactly(
                "POST " + BOX + "/messages", "POST " + DRAFT + "/attachments/createUploadSession", "DELETE " + DRAFT);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void aDraftThatStaysUnavailableIsRetriedThenReportedWithNothingSent() throws Exception {
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.UNREACHABLE);
        assertThat(result.problem()).isEqualTo(GraphProblem.SERVICE_UNAVAILABLE);
        assertThat(result.mayHaveBeenSent()).isFalse();
        assertThat(fx.texts.format(result.summary())).contains("HTTP 503", "Nothing was sent");
        assertThat(fx.time.slept).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(inOrder()).extracting(r -> r.getMethod() + " " + r.getUrl()).containsOnly("POST " + BOX + "/messages");
    }

    @Test
    void anUploadUrlWithoutTlsGetsNoBytes() throws Exception {
        stubDraftAndSession("http://127.0.0.1:9/upload/s1");
        graph.stubFor(delete(urlPathEqualTo(DRAFT)).willReturn(aResponse().withStatus(500)));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isNotEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.mayHaveBeenSent()).isFalse();
        assertThat(inOrder()).extracting(r -> r.getMethod().getName()).containsExactly("POST", "POST", "DELETE");
        assertThat(result.notes()).extracting(n -> n.key()).containsExactly("graph.note.draftLeft");
    }

    @Test
    void unusableAnswersBeforeTheHandOverSendNothingAndBlameNoFile() throws Exception {
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"draft-1\"}")));
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/attachments/createUploadSession"))
                .willReturn(aResponse().withStatus(201).withBody("<html>not json</html>")));
        graph.stubFor(delete(urlPathEqualTo(DRAFT)).willReturn(aResponse().withStatus(204)));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.UNREACHABLE);
        assertThat(result.mayHaveBeenSent()).isFalse();
        assertThat(inOrder()).extracting(r -> r.getMethod().getName()).containsExactly("POST", "POST", "DELETE");

        graph.resetAll();
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages")).willReturn(aResponse().withStatus(201).withBody("{}")));
        SendResult noId = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());
        assertThat(noId.outcome()).isEqualTo(SendOutcome.UNREACHABLE);
        assertThat(inOrder()).hasSize(1);
    }

    @Test
    void a503OnTheFinalSendIsNotRepeatedAndTheDraftIsKept() throws Exception {
        stubUploadOfTheBigFile();
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/send"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        SendResult result = fx.client(SMALL, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(SMALL, bigFile), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
        assertThat(result.mayHaveBeenSent()).isTrue();
        assertThat(fx.time.slept).isEmpty();
        assertThat(inOrder()).extracting(r -> r.getMethod() + " " + r.getUrl())
                .filteredOn(s -> s.contains("/send")).containsExactly("POST " + DRAFT + "/send");
        assertThat(inOrder()).noneMatch(r -> r.getMethod().getName().equals("DELETE"));
    }

    @Test
    void severalSmallFilesThatTogetherExceed4MbAreSplitSoThatNoRequestDoes() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] content = new byte[1_500_000];
            new Random(i).nextBytes(content);
            files.add(Files.write(dir.resolve("part" + i + ".bin"), content));
        }
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"draft-1\"}")));
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/attachments")).willReturn(aResponse().withStatus(201).withBody("{}")));
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/send")).willReturn(aResponse().withStatus(202)));
        GraphLimits limits = GraphLimits.defaults();

        SendResult result = fx.client().sendMail(fx.mailbox(), fx.messageWith(limits, files.toArray(Path[]::new)),
                GraphFixture.token("Mail.Send", "Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.attachments()).extracting(SendResult.Delivery::method).containsExactly(
                AttachmentPlan.Method.INLINE, AttachmentPlan.Method.SEPARATE, AttachmentPlan.Method.SEPARATE);
        List<LoggedRequest> requests = inOrder();
        assertThat(requests).extracting(r -> r.getUrl()).containsExactly(BOX + "/messages", DRAFT + "/attachments",
                DRAFT + "/attachments", DRAFT + "/send");
        assertThat(requests).allSatisfy(r -> assertThat(r.getBody().length).isLessThanOrEqualTo(4_000_000));
        JsonNode second = fx.json.readTree(requests.get(2).getBody());
        assertThat(Base64.getDecoder().decode(second.get("contentBytes").asText())).isEqualTo(Files.readAllBytes(files.get(2)));
    }

    private void stubDraftAndSession(String uploadUrl) {
        graph.stubFor(post(urlPathEqualTo(BOX + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"draft-1\"}")));
        graph.stubFor(post(urlPathEqualTo(DRAFT + "/attachments/createUploadSession")).willReturn(aResponse()
                .withStatus(201).withBody("{\"uploadUrl\":\"" + uploadUrl
                        + "\",\"expirationDateTime\":\"2026-03-01T10:30:00Z\",\"nextExpectedRanges\":[\"0-\"]}")));
    }

    /** Draft, session and the four chunks of the 1 MB file, each answered as Graph documents it. */
    private void stubUploadOfTheBigFile() {
        stubDraftAndSession(fx.graph.baseUri() + "/upload/s1");
        stubChunk("bytes 0-327679/1000000", 200, "{\"nextExpectedRanges\":[\"327680-\"]}");
        stubChunk("bytes 327680-655359/1000000", 200, "{\"nextExpectedRanges\":[\"655360-\"]}");
        stubChunk("bytes 655360-983039/1000000", 200, "{\"nextExpectedRanges\":[\"983040-\"]}");
        stubChunk("bytes 983040-999999/1000000", 201, "");
    }

    private void stubChunk(String range, int status, String body) {
        graph.stubFor(put(urlPathEqualTo("/upload/s1")).withHeader("Content-Range", equalTo(range))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private List<LoggedRequest> inOrder() {
        List<ServeEvent> events = new ArrayList<>(graph.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(ServeEvent::getRequest).map(LoggedRequest.class::cast).toList();
    }
}
