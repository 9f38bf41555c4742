// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.m365mailwizard.core.config.Endpoints;

/**
 * The Microsoft identity platform on loopback HTTPS: OpenID metadata and the v2.0 token endpoint,
 * answering with Microsoft's real success and error bodies (shapes captured from
 * login.microsoftonline.com: {@code error}, {@code error_description} with the AADSTS code and the
 * trace/correlation lines, {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri}). Production code reaches it through config endpoints only.
 */
public final class EntraStandIn implements AutoCloseable {

    private final HttpsStandIn https;

    private EntraStandIn(HttpsStandIn https) {
        this.https = https;
    }

    public static EntraStandIn start() {
        return new EntraStandIn(HttpsStandIn.start());
    }

    public URI baseUri() {
        return https.baseUri();
    }

    /** Login and Graph both on the stand-in: the token's scope is then {@code https://localhost:PORT/.default}. */
    public Endpoints endpoints() {
        return new Endpoints(baseUri(), baseUri());
    }

    /** Publishes OpenID metadata for the tenant under both its GUID and the given domain (if any). */
    public EntraStandIn tenant(String guid, String domain, String cloudInstance, String regionScope, String subScope) {
        String body = metadata(guid, cloudInstance, regionScope, subScope);
        for (String name : domain == null ? List.of(guid) : List.of(guid, domain)) {
            https.wireMock().stubFor(get(urlEqualTo("/" + name + "/v2.0/.well-known/openid-configuration"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(body)));
        }
        return this;
    }

    public EntraStandIn tenant(String guid, String domain) {
        return tenant(guid, domain, "microsoftonline.com", "EU", null);
    }

    /** AADSTS90002 for metadata and token requests naming this tenant, exactly as Microsoft answers. */
    public EntraStandIn unknownTenant(String tenant) {
        String description = "AADSTS90002: Tenant '" + tenant + "' not found. Check to make sure you have the correct "
                + "tenant ID and are signing into the correct cloud. Check with your subscription administrator, "
                + "this may happen if there are no active subscriptions for the tenant.";
        https.wireMock().stubFor(get(urlEqualTo("/" + tenant + "/v2.0/.well-known/openid-configuration"))
                .willReturn(json(400, errorBody("invalid_tenant", 90002, description))));
        https.wireMock().stubFor(post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .willReturn(json(400, errorBody("invalid_request", 90002, description))));
        return this;
    }

    /** A token with the given application roles for this tenant and client. */
    public EntraStandIn token(String tenant, String clientId, String tenantGuid, List<String> roles) {
        String jwt = accessToken(tenantGuid, clientId, roles);
        String body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                + jwt + "\"}";
        https.wireMock().stubFor(post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=" + clientId))
                .willReturn(json(200, body)));
        return this;
    }

    /** Like {@link #token} but the answer comes only after {@code delayMillis}: for progress and cancel. */
    public EntraStandIn slowToken(String tenant, String clientId, String tenantGuid, List<String> roles,
                                  int delayMillis) {
        String body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                + accessToken(tenantGuid, clientId, roles) + "\"}";
        https.wireMock().stubFor(post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=" + clientId))
                .willReturn(json(200, body).withFixedDelay(delayMillis)));
        return this;
    }

    /** An AADSTS error from the token endpoint, body as Microsoft sends it. */
    public EntraStandIn tokenError(String tenant, String clientId, int status, String error, int code,
                                   String description) {
        https.wireMock().stubFor(post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .withRequestBody(containing("client_id=" + clientId))
                .willReturn(json(status, errorBody(error, code, description))));
        return this;
    }

    /** Any request to this path is answered by a reset connection: the identity platform unreachable mid-way. */
    public EntraStandIn resetConnections(String tenant) {
        https.wireMock().stubFor(get(urlPathEqualTo("/" + tenant + "/v2.0/.well-known/openid-configuration"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        https.wireMock().stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }

    /** HTTP 503 with Microsoft's transient-error body (AADSTS90033), as during an outage. */
    public EntraStandIn tokenOutage(String tenant) {
        https.wireMock().stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .willReturn(json(503, errorBody("temporarily_unavailable", 90033,
                        "AADSTS90033: A transient error has occurred. Please try again."))));
        return this;
    }

    /** An HTML page instead of the identity platform's answer (proxy, captive portal, load balancer). */
    public EntraStandIn tokenHtmlPage(String tenant) {
        https.wireMock().stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Service Unavailable</h1></body></html>")));
        return this;
    }

    /** Every request the stand-in received, in order. */
    public List<LoggedRequest> requests() {
        return https.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    /** The form fields of the token requests received (to assert on what was sent). */
    public List<String> tokenRequestBodies() {
        return requests().stream().filter(r -> r.getUrl().endsWith("/oauth2/v2.0/token"))
                .map(LoggedRequest::getBodyAsString).collect(Collectors.toList());
    }

    @Override
    public void close() {
        https.close();
    }

    public static String errorBody(String error, int code, String description) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = "2025-05-02 10:11:12Z";
        // Microsoft separates these lines with CR LF inside the JSON string.
        String full = description + "\\r\\nTrace ID: " + trace + "\\r\\nCorrelation ID: " + correlation
                + "\\r\\nTimestamp: " + timestamp;
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + full
                + "\",\"error_codes\":[" + code + "],\"timestamp\":\"" + timestamp + "\",\"trace_id\":\"" + trace
                + "\",\"correlation_id\":\"" + correlation + "\",\"error_uri\":\"https://login.microsoftonline.com/error?code="
                + code + "\"}";
    }

    /** Microsoft's v2.0 OpenID metadata for a tenant (hosts as Microsoft publishes them). */
    public static String metadata(String guid, String cloudInstance, String regionScope, String subScope) {
        String host = switch (cloudInstance) {
            case "microsoftonline.us" -> "login.microsoftonline.us";
            case "partner.microsoftonline.cn" -> "login.partner.microsoftonline.cn";
            default -> "login.microsoftonline.com";
        };
        String graph = switch (cloudInstance) {
            case "microsoftonline.us" -> "graph.microsoft.us";
            case "partner.microsoftonline.cn" -> "microsoftgraph.chinacloudapi.cn";
            default -> "graph.microsoft.com";
        };
        String base = "https://" + host + "/" + guid;
        return "{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\","
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\",\"client_secret_basic\"],"
                + "\"jwks_uri\":\"" + base + "/discovery/v2.0/keys\","
                + "\"response_modes_supported\":[\"query\",\"fragment\",\"form_post\"],"
                + "\"subject_types_supported\":[\"pairwise\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"code\",\"id_token\",\"code id_token\",\"id_token token\"],"
                + "\"scopes_supported\":[\"openid\",\"profile\",\"email\",\"offline_access\"],"
                + "\"issuer\":\"" + base + "/v2.0\",\"request_uri_parameter_supported\":false,"
                + "\"userinfo_endpoint\":\"https://" + graph + "/oidc/userinfo\","
                + "\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\","
                + "\"device_authorization_endpoint\":\"" + base + "/oauth2/v2.0/devicecode\","
                + "\"http_logout_supported\":true,\"frontchannel_logout_supported\":true,"
                + "\"end_session_endpoint\":\"" + base + "/oauth2/v2.0/logout\","
                + "\"claims_supported\":[\"sub\",\"iss\",\"cloud_instance_name\",\"cloud_instance_host_name\","
                + "\"cloud_graph_host_name\",\"msgraph_host\",\"aud\",\"exp\",\"iat\",\"auth_time\",\"acr\",\"nonce\","
                + "\"preferred_username\",\"name\",\"tid\",\"ver\",\"at_hash\",\"c_hash\",\"email\"],"
                + "\"kerberos_endpoint\":\"" + base + "/kerberos\","
                + "\"tenant_region_scope\":\"" + regionScope + "\","
                + (subScope == null ? "" : "\"tenant_region_sub_scope\":\"" + subScope + "\",")
                + "\"cloud_instance_name\":\"" + cloudInstance + "\",\"cloud_graph_host_name\":\"graph.windows.net\","
                + "\"msgraph_host\":\"" + graph + "\",\"rbac_url\":\"https://pas.windows.net\"}";
    }

    /** An app-only access token shaped like Graph's (v1.0, roles, nonce header); the signature is filler. */
    public static String accessToken(String tenantGuid, String clientId, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"typ\":\"JWT\",\"nonce\":\"" + UUID.randomUUID() + "\",\"alg\":\"RS256\","
                + "\"x5t\":\"JYhAcTPMZ_LX6DBlOWQ7Hn0NeXE\",\"kid\":\"JYhAcTPMZ_LX6DBlOWQ7Hn0NeXE\"}";
        String rolesJson = roles.isEmpty() ? "" : ",\"roles\":[" + roles.stream().map(r -> "\"" + r + "\"")
                .collect(Collectors.joining(",")) + "]";
        String payload = "{\"aud\":\"https://graph.microsoft.com\",\"iss\":\"https://sts.windows.net/" + tenantGuid + "/\","
                + "\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 3599) + ",\"aio\":\"k2RgYGj+\","
                + "\"app_displayname\":\"Website mail\",\"appid\":\"" + clientId + "\",\"appidacr\":\"1\","
                + "\"idp\":\"https://sts.windows.net/" + tenantGuid + "/\",\"idtyp\":\"app\","
                + "\"oid\":\"" + UUID.randomUUID() + "\",\"rh\":\"0.AX0A\"" + rolesJson + ",\"sub\":\"" + UUID.randomUUID()
                + "\",\"tenant_region_scope\":\"EU\",\"tid\":\"" + tenantGuid + "\",\"uti\":\"x1Ab\",\"ver\":\"1.0\","
                + "\"wids\":[\"0997a1d0-0d1d-4acb-b408-d5ca73121e90\"],\"xms_tcdt\":1600000000}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ms-request-id", UUID.randomUUID().toString()).withBody(body);
    }
}
