// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's headless sign-in: the device authorization grant (facts §7.1). Spoken over HTTP here
 * rather than through MSAL4J because MSAL rethrows {@code slow_down} instead of slowing down (§7.2),
 * and each polling state must reach the admin in words: {@code authorization_pending} waits the
 * interval, {@code slow_down} adds 5 s to it (RFC 8628 §3.5), {@code authorization_declined},
 * {@code expired_token} and {@code bad_verification_code} stop. Nothing of the answer but the user
 * code and the URL is ever logged or shown.
 */
public final class DeviceCodeSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCodeSignIn.class);
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    /** What the face shows while the admin signs in. */
    public interface Listener {
        void prompt(DeviceCodePrompt prompt);

        /** Microsoft asked to poll less often; the new interval. */
        default void slowedDown(Duration interval) {
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration requestTimeout;

    public DeviceCodeSignIn(HttpClient http, ObjectMapper json, Sleeper sleeper, Clock clock, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http);
        this.json = Objects.requireNonNull(json);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.clock = Objects.requireNonNull(clock);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
    }

    /**
     * Signs the admin in; returns when Microsoft issued the token.
     *
     * @param tenant the tenant id or domain, or {@code organizations} when not yet known
     * @param permissions the delegated Graph permissions to ask for ({@link SetupRequest#permissions()})
     * @throws ProblemException exit 2 when declined, expired or the client is refused; 3 when unreachable
     */
    public AdminSession signIn(Endpoints endpoints, String tenant, String clientId, List<String> permissions,
                               Listener listener, Cancellation cancel) throws ProblemException, InterruptedException {
        String base = endpoints.loginRoot() + "/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/oauth2/v2.0/";
        String scope = "openid profile offline_access " + String.join(" ", AppSetupIds.scopeUris(endpoints, permissions));
        Map<String, String> start = new LinkedHashMap<>();
        start.put("client_id", clientId);
        start.put("scope", scope);
        JsonNode code = post(URI.create(base + "devicecode"), start);
        if (code.has("error")) {
            throw refusal(code, "appsetup.signIn.refused");
        }
        String deviceCode = code.path("device_code").asText("");
        String userCode = code.path("user_code").asText("");
        String verificationUri = code.path("verification_uri").asText("");
        if (deviceCode.isEmpty() || userCode.isEmpty() || verificationUri.isEmpty()) {
            throw new ProblemException(org.m365mailwizard.core.check.Message.of("appsetup.signIn.unusable"),
                    ExitCode.UNAVAILABLE);
        }
        Duration expiresIn = Duration.ofSeconds(code.path("expires_in").asLong(900));
        Duration interval = Duration.ofSeconds(Math.max(1, code.path("interval").asLong(5)));
        Instant deadline = clock.instant().plus(expiresIn);
        listener.prompt(new DeviceCodePrompt(userCode, verificationUri, expiresIn));

        Map<String, String> poll = new LinkedHashMap<>();
        poll.put("grant_type", GRANT_TYPE);
        poll.put("client_id", clientId);
        poll.put("device_code", deviceCode);
        while (true) {
            if (!sleeper.sleep(interval, cancel)) {
                throw new ProblemException(org.m365mailwizard.core.check.Message.of("appsetup.cancelled"),
                        ExitCode.INVALID_INPUT);
            }
            JsonNode answer = post(URI.create(base + "token"), poll);
            String error = answer.path("error").asText("");
            switch (error) {
                case "" -> {
                    return session(answer);
                }
                case "authorization_pending" -> {
                    if (!clock.instant().isBefore(deadline)) {
                        throw ProblemException.invalidInput("appsetup.signIn.expired");
                    }
                }
                case "slow_down" -> {
                    interval = interval.plus(SLOW_DOWN_STEP);
                    listener.slowedDown(interval);
                }
                case "authorization_declined" -> throw ProblemException.invalidInput("appsetup.signIn.declined");
                case "expired_token" -> throw ProblemException.invalidInput("appsetup.signIn.expired");
                case "bad_verification_code" -> throw ProblemException.invalidInput("appsetup.signIn.badCode");
                default -> throw refusal(answer, "appsetup.signIn.refused");
            }
        }
    }

    private AdminSession session(JsonNode answer) throws ProblemException {
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new ProblemException(org.m365mailwizard.core.check.Message.of("appsetup.signIn.unusable"),
                    ExitCode.UNAVAILABLE);
        }
        return TokenClaims.session(token, json);
    }

    private ProblemException refusal(JsonNode answer, String key) {
        String description = answer.path("error_description").asText(answer.path("error").asText(""));
        // The first line carries the AADSTS code and its sentence; the trace and correlation lines follow.
        String firstLine = description.lines().findFirst().orElse("");
        LOG.info("Sign-in refused: {}", answer.path("error").asText(""));
        return ProblemException.invalidInput(key, firstLine);
    }

    private JsonNode post(URI uri, Map<String, String> form) throws ProblemException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ProblemException.unavailable(e, "appsetup.signIn.unreachable", uri.getHost());
        }
        if (response.statusCode() >= 500) {
            throw new ProblemException(org.m365mailwizard.core.check.Message.of("appsetup.signIn.unreachable",
                    uri.getHost()), ExitCode.UNAVAILABLE);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.unavailable(null, "appsetup.signIn.unusable");
        }
    }
}
