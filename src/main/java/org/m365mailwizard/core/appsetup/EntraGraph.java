// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.GraphError;
import org.m365mailwizard.core.graph.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph v1.0 calls of the app setup with the admin's token. Entra is eventually consistent: an
 * object just created may be "not found" for a while (facts §3.8), so calls that name a fresh object
 * are retried with exponential backoff (1, 2, 4, … s, about a minute in all), and every wait is told
 * to the listener so the admin sees why nothing moves. Logs name the operation and status only:
 * bodies carry secrets and URLs carry object ids nobody needs in a log.
 */
public final class EntraGraph {

    private static final Logger LOG = LoggerFactory.getLogger(EntraGraph.class);
    /** Microsoft's moderator's advice (1, 2, 4, 8, 16 s) with one more step: 63 s of waiting in all. */
    public static final List<Duration> REPLICATION_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));

    /** Hears each wait for replication: which operation, which retry, how long. */
    @FunctionalInterface
    public interface WaitListener {
        void waiting(String operation, int retry, Duration delay);
    }

    /** Whether a "not found" answer may just be replication lag. */
    enum Fresh { YES, NO }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final Endpoints endpoints;
    private final String token;
    private final WaitListener waits;
    private final Cancellation cancel;

    public EntraGraph(HttpClient http, ObjectMapper json, Sleeper sleeper, Duration timeout, Endpoints endpoints,
                      String token, WaitListener waits, Cancellation cancel) {
        this.http = Objects.requireNonNull(http);
        this.json = Objects.requireNonNull(json);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.timeout = Objects.requireNonNull(timeout);
        this.endpoints = Objects.requireNonNull(endpoints);
        this.token = Objects.requireNonNull(token);
        this.waits = Objects.requireNonNull(waits);
        this.cancel = Objects.requireNonNull(cancel);
    }

    /** The same session telling its waits to another listener (the change now running). */
    public EntraGraph withWaits(WaitListener listener) {
        return new EntraGraph(http, json, sleeper, timeout, endpoints, token, listener, cancel);
    }

    public ObjectMapper json() {
        return json;
    }

    JsonNode get(String operation, String path, Fresh fresh) throws ProblemException, InterruptedException {
        return send(operation, "GET", path, null, fresh);
    }

    JsonNode post(String operation, String path, ObjectNode body, Fresh fresh) throws ProblemException, InterruptedException {
        return send(operation, "POST", path, body, fresh);
    }

    void patch(String operation, String path, ObjectNode body) throws ProblemException, InterruptedException {
        send(operation, "PATCH", path, body, Fresh.YES);
    }

    void delete(String operation, String path) throws ProblemException, InterruptedException {
        send(operation, "DELETE", path, null, Fresh.YES);
    }

    private JsonNode send(String operation, String method, String path, ObjectNode body, Fresh fresh)
            throws ProblemException, InterruptedException {
        for (int retry = 0; ; retry++) {
            if (cancel.isCancelled()) {
                throw new ProblemException(Message.of("appsetup.cancelled"), ExitCode.INVALID_INPUT);
            }
            HttpResponse<byte[]> response = once(operation, method, path, body);
            int status = response.statusCode();
            LOG.info("Graph {}: HTTP {} request-id {}", operation, status,
                    response.headers().firstValue("request-id").orElse(""));
            if (status >= 200 && status < 300) {
                return read(response.body());
            }
            GraphError error = error(response);
            boolean transientAnswer = status == 429 || status == 503 || status == 504
                    || fresh == Fresh.YES && isReplicationLag(error);
            if (!transientAnswer || retry >= REPLICATION_BACKOFF.size()) {
                if (status >= 500 && status != 501) {
                    throw new ProblemException(Message.of("appsetup.error.unavailable", operation, status),
                            ExitCode.UNAVAILABLE);
                }
                throw GraphRefusedException.of(operation, error);
            }
            Duration delay = REPLICATION_BACKOFF.get(retry);
            waits.waiting(operation, retry + 1, delay);
            if (!sleeper.sleep(delay, cancel)) {
                throw new ProblemException(Message.of("appsetup.cancelled"), ExitCode.INVALID_INPUT);
            }
        }
    }

    /** Facts §3.8: 404 / Request_ResourceNotFound, and 400 NoBackingApplicationObject or "does not exist". */
    static boolean isReplicationLag(GraphError error) {
        String message = error.message().toLowerCase(Locale.ROOT);
        return error.status() == 404 || error.code().equalsIgnoreCase("Request_ResourceNotFound")
                || error.status() == 400 && (message.contains("does not reference a valid application")
                || message.contains("does not exist") || error.code().contains("NoBackingApplicationObject"));
    }

    private HttpResponse<byte[]> once(String operation, String method, String path, ObjectNode body)
            throws ProblemException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.graphRoot() + "/v1.0" + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.info("Graph {}: no answer ({})", operation, e.getClass().getSimpleName());
            throw ProblemException.unavailable(e, "appsetup.error.unreachable", operation,
                    URI.create(endpoints.graphRoot()).getHost());
        }
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private GraphError error(HttpResponse<byte[]> response) {
        JsonNode root = read(response.body());
        JsonNode error = root.path("error");
        String code = error.path("code").asText("");
        JsonNode details = error.path("details");
        if (details.isArray() && details.size() > 0 && details.get(0).has("code")) {
            // The specific reason (NoBackingApplicationObject) is in the details; the top code is generic.
            String detail = details.get(0).path("code").asText("");
            code = detail.isEmpty() ? code : code + "/" + detail;
        }
        String message = error.path("message").asText("");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String requestId = response.headers().firstValue("request-id")
                .orElse(error.path("innerError").path("request-id").asText(""));
        return new GraphError(response.statusCode(), code, message, requestId);
    }
}
