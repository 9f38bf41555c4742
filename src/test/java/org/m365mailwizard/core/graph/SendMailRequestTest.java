// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;

/** What reaches Graph for a single {@code sendMail}, byte for byte where it matters. */
class SendMailRequestTest {

    @TempDir
    Path dir;

    private final GraphFixture fx = new GraphFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void sendsRecipientsSubjectBodiesHeaderFlagAndInlineAttachmentToTheSendersMailbox() throws Exception {
        byte[] content = new byte[100_000];
        new Random(7).nextBytes(content);
        Path pdf = Files.write(dir.resolve("report.pdf"), content);
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).willReturn(aResponse().withStatus(202)));
        Finding dmarc = Finding.of("dmarc", Status.WARN, "", List.of(), Message.of("graph.mail.attachments", "<b>p=none</b> & more"));
        TestMessage message = fx.message().recipients(List.of("alice@example.org", "bob@example.net"))
                .findings(List.of(dmarc)).saveToSentItems(false)
                .attachments(List.of(MailAttachment.of(pdf, GraphLimits.defaults()))).build();

        SendResult result = fx.client().sendMail(fx.mailbox(), message, GraphFixture.token("Mail.Send"),
                SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.summary()).isEqualTo(Message.of("graph.result.accepted", "alice@example.org, bob@example.net"));
        assertThat(result.explanation().key()).isEqualTo("graph.result.accepted.notConfirmed");
        assertThat(result.attachments()).extracting(SendResult.Delivery::method).containsExactly(AttachmentPlan.Method.INLINE);

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GraphFixture.TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().length).isLessThanOrEqualTo(4_000_000);
        JsonNode body = fx.json.readTree(request.getBody());
        assertThat(body.get("saveToSentItems").asBoolean(true)).isFalse();
        JsonNode m = body.get("message");
        assertThat(m.get("subject").asText()).isEqualTo("M365 Mail Wizard: test mail for contoso.com (2026-03-01 09:30:00 +00:00)");
        assertThat(m.at("/body/contentType").asText()).isEqualTo("HTML");
        String html = m.at("/body/content").asText();
        assertThat(html).contains("<h1>Test mail from M365 Mail Wizard</h1>")
                .contains("&lt;b&gt;p=none&lt;/b&gt; &amp; more").doesNotContain("<b>p=none")
                .contains("<td>dmarc</td><td>Warning</td>").contains("test-id-1");
        assertThat(m.get("toRecipients")).extracting(r -> r.at("/emailAddress/address").asText())
                .containsExactly("alice@example.org", "bob@example.net");
        assertThat(m.get("internetMessageHeaders")).hasSize(1);
        assertThat(m.at("/internetMessageHeaders/0/name").asText()).isEqualTo("x-m365-mail-wizard-test");
        assertThat(m.at("/internetMessageHeaders/0/value").asText()).isEqualTo("test-id-1");
        JsonNode attachment = m.at("/attachments/0");
        assertThat(attachment.get("@odata.type").asText()).isEqualTo("#microsoft.graph.fileAttachment");
        assertThat(attachment.get("name").asText()).isEqualTo("report.pdf");
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(attachment.get("contentBytes").asText())).isEqualTo(content);
    }

    @Test
    void keepsTheCopyInSentItemsWhenAskedAndSaysSoExplicitly() throws Exception {
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(GraphFixture.SEND_PATH)).willReturn(aResponse().withStatus(202)));

        fx.client().sendMail(fx.mailbox(), fx.message().saveToSentItems(true).build(), GraphFixture.token(),
                SendListener.NONE, Cancellation.none());

        JsonNode body = fx.json.readTree(onlyRequest().getBody());
        assertThat(body.get("saveToSentItems").isBoolean()).isTrue();
        assertThat(body.get("saveToSentItems").asBoolean()).isTrue();
        assertThat(body.at("/message/attachments").isMissingNode()).isTrue();
    }

    @Test
    void encodesTheSenderAsOnePathSegment() throws Exception {
        String path = "/v1.0/users/web%2Bshop@contoso.com/sendMail";
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(202)));
        Mailbox plus = new Mailbox(fx.graph.baseUri() + "/", Grant.APPLICATION, "web+shop@contoso.com", "portal");

        SendResult result = fx.client().sendMail(plus, fx.message().build(), GraphFixture.token(), SendListener.NONE,
                Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(onlyRequest().getUrl()).isEqualTo(path);
        assertThat(Mailbox.pathSegment("a/b#c?d@e.f")).isEqualTo("a%2Fb%23c%3Fd@e.f");
    }

    @Test
    void delegatedGrantSendsAsTheSignedInUser() throws Exception {
        fx.graph.wireMock().stubFor(post(urlPathEqualTo("/v1.0/me/sendMail")).willReturn(aResponse().withStatus(202)));
        Mailbox me = new Mailbox(fx.graph.baseUri().toString(), Grant.DELEGATED, "", "portal");

        SendResult result = fx.client().sendMail(me, fx.message().grant(Grant.DELEGATED).build(), GraphFixture.token(),
                SendListener.NONE, Cancellation.none());

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(onlyRequest().getUrl()).isEqualTo("/v1.0/me/sendMail");
    }

    @Test
    void aFileChangedAfterItWasChosenIsAnInputProblemAndNothingIsSent() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "first version");
        TestMessage message = fx.message().attachments(List.of(MailAttachment.of(file, GraphLimits.defaults()))).build();
        Files.writeString(file, "shorter");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.client().sendMail(fx.mailbox(), message,
                        GraphFixture.token(), SendListener.NONE, Cancellation.none()))
                .isInstanceOfSatisfying(org.m365mailwizard.core.check.ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("graph.attach.changed");
                    assertThat(e.exitCode()).isEqualTo(2);
                });
        assertThat(fx.graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = fx.graph.wireMock().findAll(anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
