// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

class LazyHttpClientTest {

    @TempDir
    Path home;

    @Test
    void theApplicationStartsWithoutBuildingItsHttpClient() {
        UserDirs dirs = UserDirs.of("Linux", Map.of("XDG_CONFIG_HOME", home.resolve("c").toString(),
                "XDG_STATE_HOME", home.resolve("s").toString()), home);
        try (AppContext context = new AppContext(new Texts(Language.ENGLISH), dirs, Map.of(), Clock.systemUTC())) {
            assertThat(context.httpClient()).isInstanceOf(LazyHttpClient.class);
            assertThat(((LazyHttpClient) context.httpClient()).isBuilt()).isFalse();
            assertThat(context.httpClient().connectTimeout()).contains(AppContext.NETWORK_TIMEOUT);
            assertThat(((LazyHttpClient) context.httpClient()).isBuilt()).isTrue();
        }
    }

    @Test
    void buildsTheRealClientOnceOnFirstUseAndSendsThroughIt() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AtomicInteger built = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            built.incrementAndGet();
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        });
        try {
            assertThat(built).hasValue(0);
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> lazy.sendAsync(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()).join()));
            }
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get().body()).isEqualTo("hi");
            }
            assertThat(lazy.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            assertThat(built).hasValue(1);
            assertThat(lazy.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
            assertThat(lazy.connectTimeout()).contains(Duration.ofSeconds(3));
        } finally {
            server.stop(0);
        }
    }
}
