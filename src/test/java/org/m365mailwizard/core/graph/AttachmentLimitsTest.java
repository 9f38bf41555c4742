// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The attachment limits at their exact boundaries, in the one unit they are written in (1 MB = 1,000,000
 * bytes), and the US Government clouds, where Microsoft offers no upload sessions for attachments.
 */
class AttachmentLimitsTest {

    @TempDir
    Path dir;

    private final GraphFixture fx = new GraphFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void upTo150000000BytesAreAcceptedAndOneByteMoreIsRefused() throws Exception {
        GraphLimits limits = GraphLimits.defaults();
        assertThat(limits.maxAttachmentBytes()).isEqualTo(150_000_000L);

        assertThat(MailAttachment.of(sparse("below.bin", 149_999_999), limits).size()).isEqualTo(149_999_999);
        assertThat(MailAttachment.of(sparse("exact.bin", 150_000_000), limits).size()).isEqualTo(150_000_000);
        ProblemException over = refusal(sparse("over.bin", 150_000_001), limits);
        assertThat(over.problem().key()).isEqualTo("graph.attach.tooLargeBytes");
        assertThat(over.exitCode()).isEqualTo(2);
        // 150 MiB, which the tool used to allow, is over Microsoft's "150 MB" in the stricter reading.
        ProblemException mebibytes = refusal(sparse("mib.bin", 150L * 1024 * 1024), limits);
        assertThat(mebibytes.problem().key()).isEqualTo("graph.attach.tooLarge");
        assertThat(mebibytes.problem().args()).endsWith("157.2", "150.0");
    }

    @ParameterizedTest
    @EnumSource(value = Cloud.class, names = {"GLOBAL", "CHINA"})
    void cloudsWithUploadSessionsKeepThe150MbLimit(Cloud cloud) {
        assertThat(cloud.attachmentUploadSessions()).isTrue();
        assertThat(GraphLimits.defaults().forCloud(cloud)).isEqualTo(GraphLimits.defaults());
        assertThat(Mailbox.of(config(cloud), Grant.APPLICATION).attachmentUploadSessions()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Cloud.class, names = {"USGOV", "USGOV_DOD"})
    void usGovernmentCloudsTakeOnlyFilesThatFitInOneRequest(Cloud cloud) throws Exception {
        assertThat(cloud.attachmentUploadSessions()).isFalse();
        assertThat(Mailbox.of(config(cloud), Grant.APPLICATION).attachmentUploadSessions()).isFalse();
        GraphLimits limits = GraphLimits.defaults().forCloud(cloud);
        long max = GraphLimits.NO_SESSION_MAX_ATTACHMENT_BYTES;
        assertThat(limits.uploadSessions()).isFalse();
        assertThat(limits.maxAttachmentBytes()).isEqualTo(max).isEqualTo(2_990_000L);

        assertThat(MailAttachment.of(sparse("below.bin", max - 1), limits).size()).isEqualTo(max - 1);
        assertThat(MailAttachment.of(sparse("exact.bin", max), limits).size()).isEqualTo(max);
        ProblemException over = refusal(sparse("over.bin", max + 1), limits);
        assertThat(over.problem().key()).isEqualTo("graph.attach.tooLargeNoSessions");
        assertThat(over.problem().args()).containsExactly(dir.resolve("over.bin").toString(), "2990001", "2990000");
        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(fx.texts.format(over.problem())).contains("US Government", "upload sessions", "2990000 bytes");
    }

    @Test
    void theLargestFileAllowedWithoutSessionsIsPostedInOneRequestOf4MbAtMost() throws Exception {
        WireMockServer graph = fx.graph.wireMock();
        String box = "/v1.0/users/web@contoso.com";
        graph.stubFor(post(urlPathEqualTo(box + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"draft-1\"}")));
        graph.stubFor(post(urlPathEqualTo(box + "/messages/draft-1/attachments"))
                .willReturn(aResponse().withStatus(201).withBody("{}")));
        graph.stubFor(post(urlPathEqualTo(box + "/messages/draft-1/send")).willReturn(aResponse().withStatus(202)));
        graph.stubFor(post(urlPathEqualTo(box + "/sendMail")).willReturn(aResponse().withStatus(202)));
        byte[] content = new byte[(int) GraphLimits.NO_SESSION_MAX_ATTACHMENT_BYTES];
        new Random(7).nextBytes(content);
        // The longest name a file system allows, so that the attachment's JSON is as big as it gets.
        Path file = Files.write(dir.resolve("n".repeat(250) + ".bin"), content);
        GraphLimits limits = GraphLimits.defaults().forCloud(Cloud.USGOV);

        SendResult result = fx.client().sendMail(usGovMailbox(), fx.messageWith(limits, file),
                GraphFixture.token("Mail.Send", "Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        List<LoggedRequest> requests = graph.findAll(anyRequestedFor(anyUrl()));
        assertThat(result.outcome()).as("%s %s", requests.stream().map(LoggedRequest::getUrl).toList(), result)
                .isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.attachments()).extracting(SendResult.Delivery::method)
                .doesNotContain(AttachmentPlan.Method.UPLOAD_SESSION).hasSize(1);
        assertThat(requests).noneMatch(r -> r.getUrl().contains("createUploadSession"));
        assertThat(requests).allSatisfy(r -> assertThat(r.getBody().length).isLessThanOrEqualTo(4_000_000));
    }

    @Test
    void aFileCheckedAgainstTheWorldwideLimitIsStillNotUploadedInUsGovernment() throws Exception {
        byte[] content = new byte[3_500_000];
        new Random(8).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);
        TestMessage message = fx.messageWith(GraphLimits.defaults(), file);

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> fx.client().sendMail(usGovMailbox(),
                message, GraphFixture.token("Mail.Send", "Mail.ReadWrite"), SendListener.NONE, Cancellation.none()));

        assertThat(e.problem().key()).isEqualTo("graph.attach.tooLargeNoSessions");
        assertThat(fx.graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private Mailbox usGovMailbox() {
        return new Mailbox(fx.graph.baseUri().toString(), Grant.APPLICATION, GraphFixture.SENDER,
                "https://portal.azure.us", false);
    }

    private static MailConfig config(Cloud cloud) {
        return MailConfig.builder().cloud(cloud).sender(GraphFixture.SENDER).build();
    }

    private Path sparse(String name, long size) throws Exception {
        Path path = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
        }
        return path;
    }

    private static ProblemException refusal(Path path, GraphLimits limits) {
        return catchThrowableOfType(ProblemException.class, () -> MailAttachment.of(path, limits));
    }
}
