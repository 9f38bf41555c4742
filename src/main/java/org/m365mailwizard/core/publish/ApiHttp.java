// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.m365mailwizard.core.check.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON exchange with a DNS host's API through the application's HTTP client. Logs name the
 * method, the provider and the status only: never a header (the credential) or a body.
 */
final class ApiHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttp.class);

    /** Any status; {@code json} is a missing node when the body is not JSON. */
    record Answer(int status, HttpHeaders headers, JsonNode json) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final String providerId;

    ApiHttp(HttpClient http, ObjectMapper mapper, Duration timeout, String providerId) {
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
        this.providerId = providerId;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    HttpRequest.BodyPublisher body(JsonNode json) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** @throws ProblemException exit 3 when no answer came (connection, TLS, timeout) */
    Answer send(HttpRequest request) throws ProblemException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warn("{} {}: no answer ({})", providerId, request.method(), e.getClass().getSimpleName());
            throw ProblemException.unavailable(null, "publish.error.unreachable", providerId, request.uri().getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable(null, "publish.error.unreachable", providerId, request.uri().getHost());
        }
        LOG.info("{} {}: HTTP {}", providerId, request.method(), response.statusCode());
        JsonNode json;
        try {
            byte[] body = response.body();
            json = body == null || body.length == 0 ? MissingNode.getInstance() : mapper.readTree(body);
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), response.headers(), json == null ? MissingNode.getInstance() : json);
    }
}
