// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.m365mailwizard.core.config.Endpoints;

/**
 * Entra and Graph for the app setup on loopback HTTPS: the device-code endpoints of the identity
 * platform and the Graph v1.0 calls that create, read, repair and delete an app registration, with
 * Microsoft's answer shapes (app-creation-facts §3, §5, §7). Replication delay and refusals are
 * scripted per call. Production code reaches it through the config's {@code endpoints} only.
 */
public final class AppSetupStandIn implements AutoCloseable {

    public static final String TENANT = "11111111-2222-3333-4444-555555555555";
    public static final String APP_OBJECT_ID = "03ef14b0-ca33-4840-8f4f-d6e91916010e";
    public static final String APP_ID = "631a96bc-a705-4eda-9f99-fdaf9f54f6a2";
    public static final String SP_ID = "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94";
    public static final String GRAPH_SP_ID = "7ea9e944-71ce-443d-811c-71e8047b557a";
    public static final String ASSIGNMENT_ID = "47nZsM8O_UuNq5Jz3QValCxBBiqJea9Drc9CMK4Ru_M";
    public static final String NEW_KEY_ID = "f0b0b335-1d71-4883-8f98-567911bfdca6";
    public static final String SECRET_TEXT = "[6gyXA5S20@MN+WRXAJ]I-TO7g1:h2P8";
    public static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    public static final String APPLICATION_ADMIN = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";

    private final HttpsStandIn https;
    private int scenarios;

    private AppSetupStandIn(HttpsStandIn https) {
        this.https = https;
    }

    public static AppSetupStandIn start() {
        return new AppSetupStandIn(HttpsStandIn.start());
    }

    public Endpoints endpoints() {
        return new Endpoints(https.baseUri(), https.baseUri());
    }

    public URI baseUri() {
        return https.baseUri();
    }

    // --- identity platform: device code ---------------------------------------------------------

    /**
     * The device-code start, then the token endpoint's answers in order: {@code authorization_pending},
     * {@code slow_down}, {@code authorization_declined}, {@code expired_token}, or {@code ok} (a token
     * for an admin holding {@code roles}).
     */
    public AppSetupStandIn deviceCode(List<String> roles, String... answers) {
        https.wireMock().stubFor(post(urlEqualTo("/organizations/oauth2/v2.0/devicecode"))
                .willReturn(json(200, "{\"user_code\":\"GTHK-7QXP\",\"device_code\":\"DAQABAAEAAAD--DLA3VO7QrddgJg7Wevr\","
                        + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1,"
                        + "\"message\":\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                        + " and enter the code GTHK-7QXP to authenticate.\"}")));
        String scenario = "token-" + scenarios++;
        for (int i = 0; i < answers.length; i++) {
            String body = answers[i].equals("ok") ? tokenBody(roles)
                    : EntraStandIn.errorBody(answers[i], code(answers[i]), description(answers[i]));
            https.wireMock().stubFor(post(urlEqualTo("/organizations/oauth2/v2.0/token")).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i)
                    .willSetStateTo("poll-" + (i + 1))
                    .willReturn(json(answers[i].equals("ok") ? 200 : 400, body)));
        }
        return this;
    }

    // --- identity platform: the browser sign-in (authorization code + PKCE, form_post) -------------

    /**
     * The authorize endpoint of {@code tenant} answers with Entra's auto-submitting form_post page
     * carrying a code, and the token endpoint redeems it for an admin holding {@code roles}.
     */
    public AppSetupStandIn browserSignIn(String tenant, List<String> roles) {
        authorizeFormPost(tenant, "<input type=\"hidden\" name=\"code\" value=\"admin-code\"/>");
        https.wireMock().stubFor(post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=authorization_code"))
                .willReturn(json(200, browserTokenBody(roles))));
        return this;
    }

    /** The admin declines on Microsoft's page: Entra sends {@code access_denied} back to the redirect URI. */
    public AppSetupStandIn browserSignInDeclined(String tenant) {
        authorizeFormPost(tenant, "<input type=\"hidden\" name=\"error\" value=\"access_denied\"/>"
                + "<input type=\"hidden\" name=\"error_description\" value=\"AADSTS65004: User declined to consent"
                + " to access the app.\"/>");
        return this;
    }

    private void authorizeFormPost(String tenant, String fields) {
        https.wireMock().stubFor(get(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/authorize"))
                .willReturn(IdentityProviderStandIn.formPostPage(fields)));
    }

    /** The authorize requests received (their query names the client, redirect URI, scopes and PKCE challenge). */
    public List<LoggedRequest> authorizeRequests() {
        return https.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().contains("/oauth2/v2.0/authorize"))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static String browserTokenBody(List<String> roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = java.time.Instant.now().getEpochSecond();
        String idToken = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"aud\":\"14d82eec-204b-4c2f-b7e8-296a70dab67e\",\"iss\":\"https://login.example.test/"
                + TENANT + "/v2.0\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"name\":\"Admin\",\"oid\":\"0bd1e0e9-0000-0000-0000-000000000002\",\"preferred_username\":"
                + "\"admin@contoso.com\",\"sub\":\"subject-2\",\"tid\":\"" + TENANT + "\",\"ver\":\"2.0\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
        String clientInfo = b64.encodeToString(("{\"uid\":\"0bd1e0e9-0000-0000-0000-000000000002\",\"utid\":\""
                + TENANT + "\"}").getBytes(StandardCharsets.UTF_8));
        return "{\"token_type\":\"Bearer\",\"scope\":\"Application.ReadWrite.All AppRoleAssignment.ReadWrite.All"
                + " Domain.Read.All\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + adminToken(roles)
                + "\",\"refresh_token\":\"0.AX0A-refresh\",\"id_token\":\"" + idToken + "\",\"client_info\":\""
                + clientInfo + "\"}";
    }

    /** Device code refused for the client (e.g. a client that does not allow public flows). */
    public AppSetupStandIn deviceCodeRefused(String error, int code, String description) {
        https.wireMock().stubFor(post(urlEqualTo("/organizations/oauth2/v2.0/devicecode"))
                .willReturn(json(400, EntraStandIn.errorBody(error, code, description))));
        return this;
    }

    private static int code(String error) {
        return switch (error) {
            case "authorization_pending" -> 70016;
            case "authorization_declined" -> 70000;
            case "expired_token" -> 70020;
            default -> 0;
        };
    }

    private static String description(String error) {
        return switch (error) {
            case "authorization_pending" -> "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.";
            case "authorization_declined" -> "AADSTS70000: The user declined.";
            case "expired_token" -> "AADSTS70020: The provided value for the input parameter 'device_code' is not valid.";
            default -> "slow down";
        };
    }

    private static String tokenBody(List<String> roles) {
        return "{\"token_type\":\"Bearer\",\"scope\":\"Application.ReadWrite.All AppRoleAssignment.ReadWrite.All"
                + " Domain.Read.All\",\"expires_in\":3599,\"access_token\":\"" + adminToken(roles) + "\","
                + "\"refresh_token\":\"0.AX0A-refresh\",\"id_token\":\"" + adminToken(roles) + "\"}";
    }

    /** A delegated Graph token for admin@contoso.com with these directory roles ({@code wids}). */
    public static String adminToken(List<String> roles) {
        String wids = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String payload = "{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"" + TENANT + "\",\"upn\":\"admin@contoso.com\","
                + "\"scp\":\"Application.ReadWrite.All AppRoleAssignment.ReadWrite.All Domain.Read.All\","
                + "\"wids\":[" + wids + "],\"ver\":\"1.0\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    // --- Graph ------------------------------------------------------------------------------------

    /** Every call of a create succeeds at once, Microsoft Graph's service principal has its Mail.Send role. */
    public AppSetupStandIn createSucceeds() {
        stub(post(urlEqualTo("/v1.0/applications")), json(201, application("AzureADMyOrg", "[]", "[]", "[]")));
        stub(patch(urlEqualTo("/v1.0/applications/" + APP_OBJECT_ID)), aResponse().withStatus(204));
        stub(post(urlEqualTo("/v1.0/servicePrincipals")), json(201, "{\"id\":\"" + SP_ID + "\",\"appId\":\"" + APP_ID
                + "\",\"accountEnabled\":true,\"appDisplayName\":\"Website mail - contoso.com\"}"));
        graphServicePrincipal();
        stub(get(urlEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/appRoleAssignments")), json(200, "{\"value\":[]}"));
        stub(post(urlEqualTo("/v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo")), json(201,
                "{\"id\":\"" + ASSIGNMENT_ID + "\",\"appRoleId\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\","
                        + "\"principalId\":\"" + SP_ID + "\",\"principalType\":\"ServicePrincipal\","
                        + "\"resourceDisplayName\":\"Microsoft Graph\",\"resourceId\":\"" + GRAPH_SP_ID + "\"}"));
        stub(post(urlEqualTo("/v1.0/applications/" + APP_OBJECT_ID + "/addPassword")), json(200,
                "{\"customKeyIdentifier\":null,\"endDateTime\":\"2027-12-07T00:00:00Z\",\"keyId\":\"" + NEW_KEY_ID
                        + "\",\"startDateTime\":\"2026-12-07T13:50:29.3086381Z\",\"secretText\":\"" + SECRET_TEXT
                        + "\",\"hint\":\"[6g\",\"displayName\":\"M365 Mail Wizard\"}"));
        stub(post(urlEqualTo("/v1.0/applications/" + APP_OBJECT_ID + "/removePassword")), aResponse().withStatus(204));
        stub(delete(urlMatching("/v1.0/.*")), aResponse().withStatus(204));
        return this;
    }

    public void graphServicePrincipal() {
        stub(get(urlPathEqualTo("/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')")), json(200,
                "{\"id\":\"" + GRAPH_SP_ID + "\",\"appId\":\"00000003-0000-0000-c000-000000000000\",\"appRoles\":["
                        + "{\"allowedMemberTypes\":[\"Application\"],\"displayName\":\"Read mail in all mailboxes\","
                        + "\"id\":\"810c84a8-4a9e-49e6-bf7d-12d183f40d01\",\"isEnabled\":true,\"value\":\"Mail.Read\"},"
                        + "{\"allowedMemberTypes\":[\"Application\"],\"displayName\":\"Send mail as any user\","
                        + "\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"isEnabled\":true,\"value\":\"Mail.Send\"}]}"));
    }

    /** An existing app as Graph returns it by its appId, and its service principal (or none). */
    public AppSetupStandIn existingApp(String audience, String redirectUris, String requiredResourceAccess,
                                       String passwordCredentials, boolean servicePrincipal, boolean consented) {
        createSucceeds();
        stub(get(urlPathEqualTo("/v1.0/applications(appId='" + APP_ID + "')")),
                json(200, application(audience, redirectUris, requiredResourceAccess, passwordCredentials)));
        stub(get(urlPathEqualTo("/v1.0/servicePrincipals(appId='" + APP_ID + "')")), servicePrincipal
                ? json(200, "{\"id\":\"" + SP_ID + "\",\"appId\":\"" + APP_ID + "\"}")
                : json(404, graphError("Request_ResourceNotFound", "Resource '" + APP_ID + "' does not exist or one of"
                        + " its queried reference-property objects are not present.")));
        stub(get(urlEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/appRoleAssignments")), json(200, consented
                ? "{\"value\":[{\"id\":\"" + ASSIGNMENT_ID + "\",\"appRoleId\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\","
                        + "\"principalId\":\"" + SP_ID + "\",\"resourceId\":\"" + GRAPH_SP_ID + "\"}]}"
                : "{\"value\":[]}"));
        return this;
    }

    /**
     * An app consented tenant-wide whose Mail.Send assignment can be removed: after Graph's DELETE of the
     * assignment, the client's assignment list is empty (and after a re-grant POST it is back).
     */
    public AppSetupStandIn consentRemovable(String audience, String redirectUris, String requiredResourceAccess,
                                            String passwordCredentials) {
        existingApp(audience, redirectUris, requiredResourceAccess, passwordCredentials, true, true);
        String scenario = "consent-" + scenarios++;
        String listed = "{\"value\":[{\"id\":\"" + ASSIGNMENT_ID + "\",\"appRoleId\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\","
                + "\"principalId\":\"" + SP_ID + "\",\"resourceId\":\"" + GRAPH_SP_ID + "\"}]}";
        String assignments = "/v1.0/servicePrincipals/" + SP_ID + "/appRoleAssignments";
        String assignment = "/v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo/" + ASSIGNMENT_ID;
        https.wireMock().stubFor(get(urlEqualTo(assignments)).atPriority(2).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(200, listed)));
        https.wireMock().stubFor(delete(urlEqualTo(assignment)).atPriority(2).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("removed").willReturn(aResponse().withStatus(204)));
        https.wireMock().stubFor(get(urlEqualTo(assignments)).atPriority(2).inScenario(scenario)
                .whenScenarioStateIs("removed").willReturn(json(200, "{\"value\":[]}")));
        https.wireMock().stubFor(post(urlEqualTo("/v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo"))
                .atPriority(2).inScenario(scenario).whenScenarioStateIs("removed").willSetStateTo(Scenario.STARTED)
                .willReturn(json(201, "{\"id\":\"" + ASSIGNMENT_ID + "\",\"appRoleId\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\","
                        + "\"principalId\":\"" + SP_ID + "\",\"principalType\":\"ServicePrincipal\","
                        + "\"resourceDisplayName\":\"Microsoft Graph\",\"resourceId\":\"" + GRAPH_SP_ID + "\"}")));
        return this;
    }

    /** No app with {@link #APP_ID} in the tenant. */
    public AppSetupStandIn noApp() {
        stub(get(urlPathEqualTo("/v1.0/applications(appId='" + APP_ID + "')")), json(404,
                graphError("Request_ResourceNotFound", "Resource '" + APP_ID + "' does not exist.")));
        return this;
    }

    /** The domain and Microsoft's records for it (a verified domain has no verification record). */
    public AppSetupStandIn domain(String domain, boolean verified, String serviceRecords, String verificationRecords) {
        stub(get(urlPathEqualTo("/v1.0/domains/" + domain)), json(200, "{\"authenticationType\":\"Managed\",\"id\":\""
                + domain + "\",\"isAdminManaged\":true,\"isDefault\":false,\"isInitial\":false,\"isRoot\":true,"
                + "\"isVerified\":" + verified + ",\"supportedServices\":[\"Email\",\"OfficeCommunicationsOnline\"]}"));
        stub(get(urlPathEqualTo("/v1.0/domains/" + domain + "/serviceConfigurationRecords")),
                json(200, "{\"value\":" + serviceRecords + "}"));
        stub(get(urlPathEqualTo("/v1.0/domains/" + domain + "/verificationDnsRecords")),
                json(200, "{\"value\":" + verificationRecords + "}"));
        return this;
    }

    /** The first {@code times} answers to this call are Entra's "not there yet", then the normal answer. */
    public AppSetupStandIn notReplicatedYet(String method, String path, int times, int status, String code, String message) {
        String scenario = "replication-" + scenarios++;
        for (int i = 0; i < times; i++) {
            https.wireMock().stubFor(any(urlPathEqualTo(path)).atPriority(1).inScenario(scenario)
                    .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(r.getMethod().getName().equals(method)))
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "lag-" + i).willSetStateTo("lag-" + (i + 1))
                    .willReturn(json(status, graphError(code, message))));
        }
        return this;
    }

    /** This call is refused with Graph's error envelope. */
    public AppSetupStandIn refuse(String method, String path, int status, String code, String message) {
        https.wireMock().stubFor(any(urlPathEqualTo(path)).atPriority(1)
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(r.getMethod().getName().equals(method)))
                .willReturn(json(status, graphError(code, message))));
        return this;
    }

    /** Graph calls received, in order (token requests excluded). */
    public List<LoggedRequest> graphRequests() {
        return https.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith("/v1.0/"))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** Token endpoint requests received, in order. */
    public List<LoggedRequest> tokenRequests() {
        return https.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().endsWith("/oauth2/v2.0/token"))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    public static String application(String audience, String redirectUris, String requiredResourceAccess,
                                     String passwordCredentials) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#applications/$entity\","
                + "\"id\":\"" + APP_OBJECT_ID + "\",\"appId\":\"" + APP_ID + "\",\"displayName\":\"Website mail - contoso.com\","
                + "\"signInAudience\":\"" + audience + "\",\"publicClient\":{\"redirectUris\":[]},"
                + "\"passwordCredentials\":" + passwordCredentials + ",\"requiredResourceAccess\":" + requiredResourceAccess
                + ",\"web\":{\"redirectUris\":" + redirectUris + ",\"homePageUrl\":null,\"logoutUrl\":null,"
                + "\"implicitGrantSettings\":{\"enableIdTokenIssuance\":false,\"enableAccessTokenIssuance\":false}}}";
    }

    public static String graphError(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\","
                + "\"innerError\":{\"date\":\"2026-12-07T13:50:00\",\"request-id\":\"9f0d7b1c-2f57-4d1e-a5a1-3c3f6f0b7e21\","
                + "\"client-request-id\":\"9f0d7b1c-2f57-4d1e-a5a1-3c3f6f0b7e21\"}}}";
    }

    private void stub(MappingBuilder mapping, ResponseDefinitionBuilder response) {
        https.wireMock().stubFor(mapping.atPriority(5).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("request-id", UUID.randomUUID().toString()).withBody(body);
    }

    @Override
    public void close() {
        https.close();
    }
}
