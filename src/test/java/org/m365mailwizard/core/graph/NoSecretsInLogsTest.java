// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.LogCapture;

/**
 * The bearer token and the pre-authenticated upload URL never reach a log (checked on the raw
 * events, before the Redactor: the code must not rely on it), a result, or its words.
 */
class NoSecretsInLogsTest {

    private static final String UPLOAD_SECRET = "UPLOADAUTH-93kd";

    @TempDir
    Path dir;

    private final GraphFixture fx = new GraphFixture();
    // Our code at its most talkative; the stand-in's own (server-side) logs are not ours to judge.
    private final LogCapture logs = LogCapture.everything("org.m365mailwizard");

    @AfterEach
    void release() {
        logs.close();
        fx.close();
    }

    @Test
    void neitherTheTokenNorTheUploadUrlAppearsAnywhere() throws Exception {
        GraphLimits small = new GraphLimits(4_000_000, 100, 150 * GraphLimits.MB, 327_680);
        Path file = Files.write(dir.resolve("a.bin"), new byte[500]);
        String box = "/v1.0/users/web@contoso.com";
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(box + "/messages"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"d1\"}")));
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(box + "/messages/d1/attachments/createUploadSession"))
                .willReturn(aResponse().withStatus(201).withBody("{\"uploadUrl\":\"" + fx.graph.baseUri()
                        + "/up?authtoken=" + UPLOAD_SECRET + "\"}")));
        fx.graph.wireMock().stubFor(put(urlPathEqualTo("/up")).willReturn(aResponse().withStatus(201)));
        fx.graph.wireMock().stubFor(post(urlPathEqualTo(box + "/messages/d1/send")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is not yet valid.\"}}")));
        fx.graph.wireMock().stubFor(delete(urlPathEqualTo(box + "/messages/d1")).willReturn(aResponse().withStatus(204)));

        SendResult result = fx.client(small, RetryPolicy.defaults()).sendMail(fx.mailbox(),
                fx.messageWith(small, file), GraphFixture.token("Mail.ReadWrite"), SendListener.NONE, Cancellation.none());

        assertThat(result.problem()).isEqualTo(GraphProblem.TOKEN_EXPIRED);
        assertThat(logs.size()).isPositive();
        StringBuilder everything = new StringBuilder(result.toString()).append(logs.text());
        for (Language language : Language.values()) {
            Texts texts = new Texts(language);
            List.of(result.summary(), result.explanation(), result.fix()).forEach(m -> everything.append(texts.format(m)));
        }
        assertThat(everything.toString()).doesNotContain(GraphFixture.TOKEN, "GRAPH-BEARER", UPLOAD_SECRET, "Bearer");
        assertThat(GraphFixture.token("x").toString()).doesNotContain(GraphFixture.TOKEN);
    }
}
