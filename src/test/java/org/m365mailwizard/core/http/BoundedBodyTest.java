// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A response body over the limit fails the request; one within it arrives whole. Real HTTP on loopback. */
class BoundedBodyTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery());
            exchange.sendResponseHeaders(200, 0); // chunked: the client cannot know the size in advance
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int sent = 0; sent < size; sent += block.length) {
                    out.write(block, 0, Math.min(block.length, size - sent));
                }
            } catch (java.io.IOException e) {
                // the client hung up on an oversized body
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private byte[] get(int size, int limit) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?" + size);
        return client.sendAsync(HttpRequest.newBuilder(uri).build(), BoundedBody.ofByteArray(limit)).get().body();
    }

    @Test
    void aBodyWithinTheLimitArrivesWhole() throws Exception {
        assertThat(get(100_000, 100_000)).hasSize(100_000);
    }

    @Test
    void aBodyOverTheLimitFailsTheRequestInsteadOfFillingMemory() {
        Throwable failure = catchThrowable(() -> get(20_000_000, 1_000_000));

        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BoundedBody.TooLarge.class);
    }
}
