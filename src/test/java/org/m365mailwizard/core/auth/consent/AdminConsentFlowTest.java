// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.IdentityProviderStandIn;
import org.m365mailwizard.testsupport.ScriptedBrowser;

/** Admin consent against the identity-platform stand-in over HTTPS, the browser played by an HTTP client. */
class AdminConsentFlowTest {

    private static final MailSendRoleCheck.Plan QUICK = new MailSendRoleCheck.Plan(
            List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(20)));

    private IdentityProviderStandIn idp;
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private MailConfig config;

    @BeforeEach
    void start() {
        idp = IdentityProviderStandIn.start();
        config = idp.config("web@contoso.com");
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    private AdminConsentFlow consent(BrowserOpener opener, Duration timeout) {
        return new AdminConsentFlow(opener, new Texts(Language.ENGLISH), Clock.systemUTC(), new SecureRandom(), timeout);
    }

    @Test
    void grantedConsentComesBackToTheListenerAndShowsTheBrowserWhatHappened() throws Exception {
        idp.adminConsentGranted();
        try (AdminConsentFlow.Session session = consent(browser.opener(), Duration.ofSeconds(30)).begin(config)) {
            AdminConsentResult result = session.await();

            assertThat(session.browserOpened()).isTrue();
            assertThat(result.status()).isEqualTo(AdminConsentResult.Status.GRANTED);
            assertThat(result.tenant()).isEqualTo(IdentityProviderStandIn.TENANT);
            ScriptedBrowser.Page page = browser.lastVisit().get(5, TimeUnit.SECONDS);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Admin consent granted").contains("Mail.Send");
            Finding finding = ConsentFindings.admin(result).orElseThrow();
            assertThat(finding.id()).isEqualTo("consent-admin");
            assertThat(finding.status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void afterConsentTheAppRegistrationsTokenServiceProvesMailSendInRoles() throws Exception {
        idp.adminConsentGranted();
        idp.appTokenIssued(List.of("Mail.Send"));
        MailConfig withSecret = config.toBuilder().clientSecret("abc8Q~not-a-real-secret-0123456789abcdefgh").build();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (AdminConsentFlow.Session session = consent(browser.opener(), Duration.ofSeconds(30)).begin(withSecret)) {
            assertThat(session.await().status()).isEqualTo(AdminConsentResult.Status.GRANTED);

            MailSendRoleCheck.Result proof = new MailSendRoleCheck(
                    ApplicationTokenSource.of(new AppTokenService(executor, Duration.ofSeconds(10))), Clock.systemUTC())
                    .run(withSecret, QUICK, new MailSendRoleCheck.Progress(), new Cancellation());

            assertThat(proof.status()).isEqualTo(MailSendRoleCheck.Result.Status.PROVEN);
            assertThat(proof.token().tenantId()).isEqualTo(IdentityProviderStandIn.TENANT);
            assertThat(idp.appTokenRequests()).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anAppTokenThatNeverGetsMailSendFailsAfterTheBoundedRetries() {
        idp.appTokenIssued(List.of("User.Read.All"));
        MailConfig withSecret = config.toBuilder().clientSecret("abc8Q~not-a-real-secret-0123456789abcdefgh").build();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            MailSendRoleCheck.Result proof = new MailSendRoleCheck(
                    ApplicationTokenSource.of(new AppTokenService(executor, Duration.ofSeconds(10))), Clock.systemUTC())
                    .run(withSecret, QUICK, new MailSendRoleCheck.Progress(), new Cancellation());

            assertThat(proof.status()).isEqualTo(MailSendRoleCheck.Result.Status.MISSING);
            assertThat(idp.appTokenRequests()).hasSize(QUICK.waits().size());
            assertThat(ConsentFindings.appRole(proof).found()).containsExactly("roles=[User.Read.All]");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theConsentUrlAsksForGraphDefaultOnTheTenantWithALoopbackRedirectAndAFreshState() throws Exception {
        idp.adminConsentGranted();
        try (AdminConsentFlow.Session first = consent(browser.noBrowser(), Duration.ofSeconds(30)).begin(config)) {
            URI url = first.authorizationUrl();
            Map<String, String> query = query(url);

            assertThat(url.getPath()).isEqualTo("/" + IdentityProviderStandIn.TENANT + "/v2.0/adminconsent");
            assertThat(url.toString()).startsWith(idp.login().toString());
            assertThat(query).containsEntry("client_id", IdentityProviderStandIn.CLIENT_ID)
                    .containsEntry("scope", "https://graph.example.test/.default")
                    .containsEntry("redirect_uri", "http://localhost:" + URI.create(query.get("redirect_uri")).getPort());
            assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
            assertThat(first.redirectUri()).isEqualTo(URI.create(query.get("redirect_uri")));
            try (AdminConsentFlow.Session second = consent(browser.noBrowser(), Duration.ofSeconds(30)).begin(config)) {
                assertThat(query(second.authorizationUrl()).get("state")).isNotEqualTo(query.get("state"));
            }
        }
    }

    @Test
    void withoutABrowserTheUrlCanBeCopiedAndStillCompletesTheConsent() throws Exception {
        idp.adminConsentGranted();
        try (AdminConsentFlow.Session session = consent(browser.noBrowser(), Duration.ofSeconds(30)).begin(config)) {
            assertThat(session.browserOpened()).isFalse();
            browser.visit(session.authorizationUrl()); // the user pastes the URL into a browser
            assertThat(session.await().status()).isEqualTo(AdminConsentResult.Status.GRANTED);
        }
    }

    @Test
    void declinedConsentIsExplainedWithItsAadstsCode() throws Exception {
        idp.adminConsentError("access_denied", "AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1");
        try (AdminConsentFlow.Session session = consent(browser.opener(), Duration.ofSeconds(30)).begin(config)) {
            AdminConsentResult result = session.await();

            assertThat(result.status()).isEqualTo(AdminConsentResult.Status.REFUSED);
            assertThat(result.message().key()).isEqualTo("app.aadsts.65004.message");
            assertThat(result.detail()).startsWith("AADSTS65004: User declined").doesNotContain("\r");
            assertThat(browser.lastVisit().get(5, TimeUnit.SECONDS).body()).contains("Consent was not granted")
                    .contains("accept the requested permissions");
            Finding finding = ConsentFindings.admin(result).orElseThrow();
            assertThat(finding.status()).isEqualTo(Status.FAIL);
            assertThat(finding.found()).anyMatch(f -> f.contains("AADSTS65004"));
        }
    }

    @Test
    void adminApprovalRequiredAndConditionalAccessGetTheirOwnExplanations() throws Exception {
        idp.adminConsentError("access_denied", "AADSTS90094: Admin consent is required.");
        try (AdminConsentFlow.Session session = consent(browser.opener(), Duration.ofSeconds(30)).begin(config)) {
            assertThat(session.await().message().key()).isEqualTo("app.aadsts.90094.message");
        }
        idp.adminConsentError("access_denied", "AADSTS53003: Access has been blocked by Conditional Access policies.");
        try (AdminConsentFlow.Session session = consent(browser.opener(), Duration.ofSeconds(30)).begin(config)) {
            assertThat(session.await().message().key()).isEqualTo("app.aadsts.53003.message");
        }
    }

    @Test
    void noAnswerInTimeEndsTheWaitWithTheRedirectUriHint() throws Exception {
        try (AdminConsentFlow.Session session = consent(browser.noBrowser(), Duration.ofMillis(300)).begin(config)) {
            AdminConsentResult result = session.await();

            assertThat(result.status()).isEqualTo(AdminConsentResult.Status.TIMED_OUT);
            assertThat(new Texts(Language.ENGLISH).format(result.message())).contains("AADSTS50011").contains("http://localhost");
            assertThat(ConsentFindings.admin(result).orElseThrow().status()).isEqualTo(Status.ERROR);
        }
    }

    @Test
    void cancelThenImmediateRetryRunsOnANewPortAndSucceeds() throws Exception {
        idp.adminConsentGranted();
        AdminConsentFlow consent = consent(browser.noBrowser(), Duration.ofMinutes(5));
        AdminConsentFlow.Session first = consent.begin(config);
        int firstPort = first.redirectUri().getPort();

        first.cancel();
        AdminConsentResult cancelled = first.await();

        assertThat(cancelled.status()).isEqualTo(AdminConsentResult.Status.CANCELLED);
        assertThat(ConsentFindings.admin(cancelled)).isEmpty();
        assertThat(ScriptedBrowser.accepts(InetAddress.getLoopbackAddress(), firstPort)).isFalse();
        try (AdminConsentFlow.Session retry = consent.begin(config)) {
            assertThat(retry.redirectUri().getPort()).isNotEqualTo(firstPort);
            browser.visit(retry.authorizationUrl());
            assertThat(retry.await().status()).isEqualTo(AdminConsentResult.Status.GRANTED);
        }
    }

    @Test
    void missingAppValuesAreRefusedBeforeAnythingOpens() {
        AdminConsentFlow consent = consent(browser.noBrowser(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> consent.begin(config.toBuilder().clientId(" ").build()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("consent.input.noClientId");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                });
        assertThatThrownBy(() -> consent.begin(config.toBuilder().tenantId(null).build()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("consent.input.noTenant"));
        assertThatThrownBy(() -> consent.begin(config.toBuilder().tenantId("contoso.com/../x").build()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("consent.input.badTenant"));
        assertThat(browser.openedCount()).isZero();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
