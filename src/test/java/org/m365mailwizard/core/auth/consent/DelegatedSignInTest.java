// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.IdentityProviderStandIn;
import org.m365mailwizard.testsupport.ScriptedBrowser;

/** Sign-in as the sender through MSAL4J against the identity-platform stand-in over HTTPS. */
class DelegatedSignInTest {

    private static final String SENDER = "web@contoso.com";
    private static final String GRANTED = "https://graph.example.test/Mail.Send https://graph.example.test/User.Read";
    private static final DelegatedSignIn.Options PUBLIC =
            new DelegatedSignIn.Options(false, DelegatedSignIn.RedirectPlatform.MOBILE_AND_DESKTOP);

    @TempDir
    Path storeDir;
    private IdentityProviderStandIn idp;
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private MailConfig config;

    @BeforeEach
    void start() {
        idp = IdentityProviderStandIn.start();
        config = idp.config(SENDER);
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    private DelegatedSignIn signIn(BrowserOpener opener, Duration timeout) {
        return new DelegatedSignIn(opener, new Texts(Language.ENGLISH), Clock.systemUTC(), new SecureRandom(), timeout,
                new ProtectedTokenStore(storeDir, System.getProperty("os.name")));
    }

    private DelegatedResult run(MailConfig cfg, DelegatedSignIn.Options options) throws Exception {
        try (DelegatedSignIn.Session session = signIn(browser.opener(), Duration.ofSeconds(30)).begin(cfg, options)) {
            return session.await();
        }
    }

    @Test
    void signsInAsTheSenderWithPkceAndProvesDelegatedMailSend() throws Exception {
        idp.authorizeIssuesCode("code-from-entra");
        idp.tokenIssued(GRANTED, SENDER);

        DelegatedResult result = run(config, PUBLIC);

        assertThat(result.status()).isEqualTo(DelegatedResult.Status.SIGNED_IN);
        assertThat(result.token().scopes()).contains("Mail.Send", "User.Read");
        assertThat(result.token().userPrincipal()).isEqualTo(SENDER);
        assertThat(result.token().tenantId()).isEqualTo(IdentityProviderStandIn.TENANT);
        List<Finding> findings = ConsentFindings.delegated(result, SENDER);
        assertThat(findings).extracting(Finding::id).containsExactly("consent-sign-in", "consent-delegated-scope", "consent-sender");
        assertThat(findings).allMatch(f -> f.status() == Status.PASS);
        assertThat(browser.lastVisit().get(5, TimeUnit.SECONDS).body()).contains("Signed in");
    }

    @Test
    void theAuthorizeUrlAsksForTheSendersMailSendByFormPostWithAnS256Challenge() throws Exception {
        try (DelegatedSignIn.Session session = signIn(browser.noBrowser(), Duration.ofSeconds(30)).begin(config, PUBLIC)) {
            Map<String, String> q = query(session.authorizationUrl());

            assertThat(session.authorizationUrl().getPath()).isEqualTo("/" + IdentityProviderStandIn.TENANT + "/oauth2/v2.0/authorize");
            assertThat(q).containsEntry("client_id", IdentityProviderStandIn.CLIENT_ID)
                    .containsEntry("response_type", "code").containsEntry("response_mode", "form_post")
                    .containsEntry("login_hint", SENDER).containsEntry("code_challenge_method", "S256")
                    .containsEntry("redirect_uri", session.redirectUri().toString());
            assertThat(q.get("scope").split(" ")).contains("https://graph.example.test/Mail.Send",
                    "https://graph.example.test/User.Read", "offline_access");
            assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            assertThat(session.redirectUri().toString()).matches("http://localhost:\\d+");
        }
    }

    @Test
    void theTokenRequestCarriesTheVerifierWhoseS256IsTheChallengeAndNoSecret() throws Exception {
        idp.authorizeIssuesCode("code-from-entra");
        idp.tokenIssued(GRANTED, SENDER);
        String challenge;
        URI redirect;
        try (DelegatedSignIn.Session session = signIn(browser.opener(), Duration.ofSeconds(30)).begin(config, PUBLIC)) {
            challenge = query(session.authorizationUrl()).get("code_challenge");
            redirect = session.redirectUri();
            assertThat(session.await().status()).isEqualTo(DelegatedResult.Status.SIGNED_IN);
        }

        List<LoggedRequest> requests = idp.tokenRequests();
        assertThat(requests).hasSize(1);
        Map<String, String> form = form(requests.get(0).getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-from-entra")
                .containsEntry("redirect_uri", redirect.toString()).containsEntry("client_id", IdentityProviderStandIn.CLIENT_ID)
                .doesNotContainKey("client_secret");
        assertThat(form.get("code_verifier")).as("PKCE verifier sent").matches("[A-Za-z0-9_-]{43,128}");
        assertThat(Pkce.challengeOf(form.get("code_verifier"))).isEqualTo(challenge);
        String log = Files.readString(Path.of("target/test.log"));
        assertThat(log).as("nothing secret in the log").doesNotContain(form.get("code_verifier"))
                .doesNotContain("code-from-entra").doesNotContain(query(browser.lastOpened().orElseThrow()).get("state"));
    }

    @Test
    void aTokenWithoutMailSendFailsTheScopeCheck() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued("https://graph.example.test/User.Read", SENDER);

        List<Finding> findings = ConsentFindings.delegated(run(config, PUBLIC), SENDER);

        Finding scope = findings.stream().filter(f -> f.id().equals("consent-delegated-scope")).findFirst().orElseThrow();
        assertThat(scope.status()).isEqualTo(Status.FAIL);
        assertThat(scope.message().key()).isEqualTo("consent.scope.missing");
        assertThat(scope.found()).containsExactly("scp=User.Read");
    }

    @Test
    void signingInAsSomeoneElseIsCaughtAndSendAsExplained() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued(GRANTED, "admin@contoso.com");

        List<Finding> findings = ConsentFindings.delegated(run(config, PUBLIC), SENDER);

        Finding sender = findings.stream().filter(f -> f.id().equals("consent-sender")).findFirst().orElseThrow();
        assertThat(sender.status()).isEqualTo(Status.FAIL);
        assertThat(sender.found()).containsExactly("admin@contoso.com");
        assertThat(new Texts(Language.ENGLISH).format(sender.message())).contains("admin@contoso.com")
                .contains("not as the sender web@contoso.com").contains("Send As");
    }

    @Test
    void theSenderComparisonIgnoresCase() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued(GRANTED, "Web@Contoso.COM");
        assertThat(ConsentFindings.delegated(run(config, PUBLIC), SENDER)).allMatch(f -> f.status() == Status.PASS);
    }

    @Test
    void aWrongStateNeverReachesTheTokenEndpoint() throws Exception {
        idp.tokenIssued(GRANTED, SENDER);
        try (DelegatedSignIn.Session session = signIn(browser.noBrowser(), Duration.ofSeconds(30)).begin(config, PUBLIC)) {
            URI root = URI.create(session.redirectUri() + "/");
            ScriptedBrowser.Page page = browser.postForm(root, Map.of("code", "forged-code", "state", "forged-state"),
                    Map.of("Origin", idp.origin()));
            assertThat(page.status()).isEqualTo(400);

            session.cancel();
            assertThat(session.await().status()).isEqualTo(DelegatedResult.Status.CANCELLED);
        }
        assertThat(idp.tokenRequests()).isEmpty();
    }

    @Test
    void anErrorAtTheRedirectIsExplainedAndNoCodeIsRedeemed() throws Exception {
        idp.authorizeError("access_denied", "AADSTS65004: User declined to consent to access the app.");
        idp.tokenIssued(GRANTED, SENDER);

        DelegatedResult result = run(config, PUBLIC);

        assertThat(result.status()).isEqualTo(DelegatedResult.Status.REFUSED);
        assertThat(result.message().key()).isEqualTo("app.aadsts.65004.message");
        assertThat(idp.tokenRequests()).isEmpty();
        assertThat(ConsentFindings.delegated(result, SENDER)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void consumerAccountsAndWrongTenantsAreNamed() throws Exception {
        idp.authorizeError("invalid_request", "AADSTS50020: User account 'x@outlook.com' from identity provider "
                + "'live.com' does not exist in tenant 'Contoso'.");
        assertThat(run(config, PUBLIC).message().key()).isEqualTo("app.aadsts.50020.message");
    }

    @Test
    void aWebRegistrationWithoutTheSecretIsExplainedAs7000218() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenError(401, "invalid_client", "AADSTS7000218: The request body must contain the following parameter: "
                + "'client_assertion' or 'client_secret'.");

        DelegatedResult result = run(config, PUBLIC);

        assertThat(result.status()).isEqualTo(DelegatedResult.Status.REFUSED);
        assertThat(result.message().key()).isEqualTo("app.aadsts.7000218.message");
        assertThat(result.fix().key()).as("the fix names the loopback registration").isEqualTo("consent.aadsts.7000218.fix");
        assertThat(result.detail()).contains("AADSTS7000218");
    }

    @Test
    void theWebPlatformRedeemsWithTheSecretAndA700025IsExplained() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenError(401, "invalid_client", "AADSTS700025: Client is public so neither 'client_assertion' nor "
                + "'client_secret' should be presented.");
        MailConfig withSecret = config.toBuilder().clientSecret("abc8Q~secret-value-not-real-0123456789abc").build();

        DelegatedResult result = run(withSecret, new DelegatedSignIn.Options(false, DelegatedSignIn.RedirectPlatform.WEB));

        assertThat(result.message().key()).isEqualTo("app.aadsts.700025.message");
        assertThat(result.fix().key()).isEqualTo("consent.aadsts.700025.fix");
        assertThat(form(idp.tokenRequests().get(0).getBodyAsString())).containsKey("client_secret").containsKey("code_verifier");
    }

    @Test
    void theWebPlatformNeedsTheSecretBeforeAnythingOpens() {
        DelegatedSignIn signIn = signIn(browser.noBrowser(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> signIn.begin(config, new DelegatedSignIn.Options(false, DelegatedSignIn.RedirectPlatform.WEB)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("consent.input.noSecretForWeb"));
        assertThatThrownBy(() -> signIn.begin(config.toBuilder().sender("").build(), PUBLIC))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("consent.input.noSender"));
        assertThat(browser.openedCount()).isZero();
    }

    @Test
    void timeoutEndsTheSignInWithTheRedirectUriHint() throws Exception {
        try (DelegatedSignIn.Session session = signIn(browser.noBrowser(), Duration.ofMillis(300)).begin(config, PUBLIC)) {
            DelegatedResult result = session.await();
            assertThat(result.status()).isEqualTo(DelegatedResult.Status.TIMED_OUT);
            assertThat(result.message().key()).isEqualTo("consent.signIn.timedOut");
        }
    }

    @Test
    void rememberMeUsesTheOsStoreOrSaysWhyNotAndNeverWritesAPlainFile() throws Exception {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued(GRANTED, SENDER);

        DelegatedResult result = run(config, new DelegatedSignIn.Options(true, DelegatedSignIn.RedirectPlatform.MOBILE_AND_DESKTOP));

        assertThat(result.status()).isEqualTo(DelegatedResult.Status.SIGNED_IN);
        Finding store = ConsentFindings.delegated(result, SENDER).stream()
                .filter(f -> f.id().equals("consent-token-store")).findFirst().orElseThrow();
        assertThat(result.storeNotice().key()).isIn("consent.store.persistent", "consent.store.unavailable");
        assertThat(store.status()).isEqualTo("consent.store.persistent".equals(result.storeNotice().key()) ? Status.PASS : Status.WARN);
        String token = result.token().value();
        try (var files = Files.walk(storeDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(token).doesNotContain("rt-not-a-real");
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
