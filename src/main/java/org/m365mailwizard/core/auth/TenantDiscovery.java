// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.m365mailwizard.core.http.BoundedBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;

/**
 * Resolves a tenant (GUID or verified domain) to its GUID and cloud through the OpenID metadata at
 * {@code {login}/{tenant}/v2.0/.well-known/openid-configuration}. Nothing secret is sent.
 *
 * <p>The returned stage fails with {@link AadFailure} when Microsoft answers with an error (AADSTS90002:
 * unknown tenant, often the wrong cloud), and with a {@link ProblemException} of exit code 3 when the
 * login host cannot be reached or answers something that is not the metadata.
 */
public final class TenantDiscovery {

    private static final Pattern GUID_IN_PATH = Pattern.compile(
            "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public TenantDiscovery(HttpClient http, ObjectMapper mapper, Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    /** The metadata URL for a tenant at a login root. */
    public static URI metadataUri(Endpoints endpoints, String tenant) {
        return URI.create(endpoints.loginRoot() + "/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
                + "/v2.0/.well-known/openid-configuration");
    }

    public CompletionStage<TenantInfo> discover(Endpoints endpoints, String tenant) {
        URI uri = metadataUri(endpoints, tenant);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, BoundedBody.ofByteArray(BoundedBody.DEFAULT_MAX_BYTES))
                .handle((response, error) -> {
                    if (error != null) {
                        Optional<Message> certificate = UntrustedCertificate.problem(error, uri.getHost());
                        throw new CompletionException(certificate.isPresent()
                                ? new ProblemException(certificate.get(), ExitCode.UNAVAILABLE, unwrap(error))
                                : ProblemException.unavailable(unwrap(error), "app.discovery.error.unreachable",
                                        uri.getHost()));
                    }
                    try {
                        return interpret(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), tenant, uri);
                    } catch (ProblemException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    TenantInfo interpret(int status, String body, String tenant, URI uri) throws ProblemException {
        JsonNode json;
        try {
            json = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (status == 200 && json != null && json.isObject()) {
            String issuer = text(json, "issuer");
            String tokenEndpoint = text(json, "token_endpoint");
            String tenantId = guidIn(issuer);
            if (tenantId == null) {
                tenantId = guidIn(tokenEndpoint);
            }
            if (tenantId == null) {
                throw ProblemException.unavailable(null, "app.discovery.error.noTenantId", uri.getHost());
            }
            return new TenantInfo(tenantId.toLowerCase(java.util.Locale.ROOT), issuer, tokenEndpoint,
                    text(json, "cloud_instance_name"), text(json, "tenant_region_scope"),
                    text(json, "tenant_region_sub_scope"), text(json, "msgraph_host"));
        }
        if (status >= 400 && status < 500 && json != null && json.hasNonNull("error")) {
            String description = text(json, "error_description");
            int code = AadErrors.code(json, description);
            throw new AadFailure(AadError.fromCode(code), code, text(json, "error"), description, status, tenant, null);
        }
        throw ProblemException.unavailable(null, "app.discovery.error.status", uri.getHost(), status);
    }

    static String guidIn(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = GUID_IN_PATH.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof IOException ? e : t;
    }
}
