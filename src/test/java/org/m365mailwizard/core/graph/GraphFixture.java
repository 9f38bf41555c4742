// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.testsupport.FakeTime;

/** A Graph stand-in on loopback HTTPS and a client pointed at it, with fake time. */
final class GraphFixture implements AutoCloseable {

    static final String SENDER = "web@contoso.com";
    /** Looks like no real token, so that finding it anywhere proves a leak. */
    static final String TOKEN = "tok.GRAPH-BEARER-7f3a9c.never-log-me";
    static final Instant START = Instant.parse("2026-03-01T09:30:00Z");
    static final String SEND_PATH = "/v1.0/users/web@contoso.com/sendMail";

    final HttpsStandIn graph = HttpsStandIn.start();
    final FakeTime time = new FakeTime(START);
    final Texts texts = new Texts(Language.ENGLISH);
    final ObjectMapper json = new ObjectMapper();

    GraphMailClient client(GraphLimits limits, RetryPolicy policy) {
        return new GraphMailClient(GraphMailClient.httpClient(policy, null), json, limits,
                policy, time, time);
    }

    GraphMailClient client() {
        return client(GraphLimits.defaults(), RetryPolicy.defaults());
    }

    Mailbox mailbox() {
        return new Mailbox(graph.baseUri().toString(), Grant.APPLICATION, SENDER, "https://entra.microsoft.com");
    }

    static AccessToken token(String... roles) {
        return new AccessToken(TOKEN, START.plus(Duration.ofHours(1)), List.of(roles), List.of(), "tid", null);
    }

    TestMessage.Builder message() {
        return TestMessage.builder(texts, time).domain("contoso.com").sender(SENDER)
                .recipients(List.of("alice@example.org")).ids(() -> "test-id-1");
    }

    TestMessage messageWith(GraphLimits limits, Path... files) throws ProblemException {
        List<MailAttachment> attachments = new java.util.ArrayList<>();
        for (Path f : files) {
            attachments.add(MailAttachment.of(f, limits));
        }
        return message().attachments(attachments).build();
    }

    @Override
    public void close() {
        graph.close();
    }
}
