// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The Microsoft identity platform's browser and token endpoints for one tenant, on loopback over
 * HTTPS (WireMock, certificate trusted by the test JVM). Answers the way Entra does: admin consent
 * and authorize redirect to {@code redirect_uri} echoing {@code state} (query, or an auto-submitting
 * form_post page), the token endpoint answers JSON with unsigned JWTs.
 */
public final class IdentityProviderStandIn implements AutoCloseable {

    public static final String TENANT = "11111111-2222-3333-4444-555555555555";
    public static final String CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private final HttpsStandIn https;

    private IdentityProviderStandIn(HttpsStandIn https) {
        this.https = https;
    }

    public static IdentityProviderStandIn start() {
        return new IdentityProviderStandIn(HttpsStandIn.start());
    }

    /** Login root as the config's endpoints override: {@code https://localhost:PORT}. */
    public URI login() {
        return https.baseUri();
    }

    /** Login at the stand-in; Graph names a host that is never contacted (only scope URIs are built from it). */
    public Endpoints endpoints() {
        return new Endpoints(login(), URI.create("https://graph.example.test"));
    }

    /** A setup pointing at this stand-in: its tenant, app and endpoints, and the sender. */
    public MailConfig config(String sender) {
        return MailConfig.builder().tenantId(TENANT).clientId(CLIENT_ID).endpointOverride(endpoints()).sender(sender)
                .build();
    }

    public String origin() {
        return login().toString();
    }

    public void adminConsentGranted() {
        https.wireMock().stubFor(get(urlPathEqualTo("/" + TENANT + "/v2.0/adminconsent"))
                .willReturn(aResponse().withStatus(302).withHeader("Location",
                        "{{{request.query.redirect_uri}}}?admin_consent=True&tenant=" + TENANT
                                + "&scope=https%3A%2F%2Fgraph.example.test%2F.default&state={{{request.query.state}}}")));
    }

    /** Entra's answer when consent is declined or fails: {@code error} and {@code error_description} with its AADSTS code. */
    public void adminConsentError(String error, String description) {
        https.wireMock().stubFor(get(urlPathEqualTo("/" + TENANT + "/v2.0/adminconsent"))
                .willReturn(aResponse().withStatus(302).withHeader("Location",
                        "{{{request.query.redirect_uri}}}?admin_consent=True&error=" + error
                                + "&error_description=" + encode(description) + "&state={{{request.query.state}}}")));
    }

    /** The authorize endpoint answers with Entra's auto-submitting form_post page carrying {@code code}. */
    public void authorizeIssuesCode(String code) {
        formPost("<input type=\"hidden\" name=\"code\" value=\"" + code + "\"/>");
    }

    public void authorizeError(String error, String description) {
        formPost("<input type=\"hidden\" name=\"error\" value=\"" + error + "\"/>"
                + "<input type=\"hidden\" name=\"error_description\" value=\"" + description + "\"/>");
    }

    private void formPost(String fields) {
        https.wireMock().stubFor(get(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/authorize")).willReturn(formPostPage(fields)));
    }

    /**
     * The page the authorize endpoint answers with under {@code response_mode=form_post}: a form that
     * posts {@code fields} and the request's {@code state} to its {@code redirect_uri} as soon as it loads.
     */
    static ResponseDefinitionBuilder formPostPage(String fields) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>Working...</title></head><body>"
                        + "<form method=\"POST\" name=\"hiddenform\" action=\"{{request.query.redirect_uri}}\">"
                        + fields
                        + "<input type=\"hidden\" name=\"state\" value=\"{{request.query.state}}\"/>"
                        + "<noscript><p>Script is disabled. Click Submit to continue.</p>"
                        + "<input type=\"submit\" value=\"Submit\"/></noscript></form>"
                        + "<script>document.forms[0].submit()</script></body></html>");
    }

    /** A successful code redemption: a delegated token with {@code scp} and an ID token for {@code user}. */
    public void tokenIssued(String scopes, String user) {
        https.wireMock().stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(tokenBody(scopes, user))));
    }

    /**
     * The device-code flow (RFC 8628) as Entra runs it: the device-code endpoint hands out
     * {@code userCode}, and the first poll of the token endpoint finds the user signed in.
     */
    public void deviceCodeSignIn(String userCode, String scopes, String user) {
        https.wireMock().stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"user_code\":\"" + userCode + "\",\"device_code\":\"dc-not-a-real-device-code\","
                                + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,"
                                + "\"interval\":1,\"message\":\"To sign in, use a web browser to open the page "
                                + "https://microsoft.com/devicelogin and enter the code " + userCode + " to authenticate.\"}")));
        https.wireMock().stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("device_code"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(tokenBody(scopes, user))));
    }

    private String tokenBody(String scopes, String user) {
        long now = Instant.now().getEpochSecond();
        String accessToken = jwt("{\"aud\":\"https://graph.example.test\",\"iss\":\"https://sts.example.test/" + TENANT
                + "/\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"scp\":\"" + scopes + "\",\"tid\":\"" + TENANT
                + "\",\"upn\":\"" + user + "\",\"preferred_username\":\"" + user + "\"}");
        String idToken = jwt("{\"aud\":\"" + CLIENT_ID + "\",\"iss\":\"" + login() + "/" + TENANT + "/v2.0\",\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 3600) + ",\"name\":\"Web Sender\",\"oid\":\"0bd1e0e9-0000-0000-0000-000000000001\""
                + ",\"preferred_username\":\"" + user + "\",\"sub\":\"subject-1\",\"tid\":\"" + TENANT + "\",\"ver\":\"2.0\"}");
        String clientInfo = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"uid\":\"0bd1e0e9-0000-0000-0000-000000000001\",\"utid\":\"" + TENANT + "\"}").getBytes(StandardCharsets.UTF_8));
        return "{\"token_type\":\"Bearer\",\"scope\":\"" + scopes + "\",\"expires_in\":3600,"
                + "\"ext_expires_in\":3600,\"access_token\":\"" + accessToken + "\",\"refresh_token\":"
                + "\"rt-not-a-real-refresh-token\",\"id_token\":\"" + idToken + "\",\"client_info\":\""
                + clientInfo + "\"}";
    }

    /** The token endpoint's error body for the code redemption, as Entra sends it. */
    public void tokenError(int status, String error, String description) {
        int code = Integer.parseInt(description.replaceAll("^AADSTS(\\d+).*", "$1"));
        https.wireMock().stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(EntraStandIn.errorBody(error, code, description))));
    }

    /** A client-credentials token (the app-registration check after consent) carrying these application roles. */
    public void appTokenIssued(List<String> roles) {
        https.wireMock().stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                                + "\"access_token\":\"" + EntraStandIn.accessToken(TENANT, CLIENT_ID, roles) + "\"}")));
    }

    /** OpenID metadata for the tenant (GUID and the given domain), as the app-registration check discovers it. */
    public void tenantMetadata(String domain) {
        String body = EntraStandIn.metadata(TENANT, "microsoftonline.com", "EU", null);
        for (String name : List.of(TENANT, domain)) {
            https.wireMock().stubFor(get(urlPathEqualTo("/" + name + "/v2.0/.well-known/openid-configuration"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(body)));
        }
    }

    /** Every code redemption the token endpoint received. */
    public List<LoggedRequest> tokenRequests() {
        return https.wireMock().findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=authorization_code")));
    }

    /** Every client-credentials request the token endpoint received. */
    public List<LoggedRequest> appTokenRequests() {
        return https.wireMock().findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials")));
    }

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        https.close();
    }
}
