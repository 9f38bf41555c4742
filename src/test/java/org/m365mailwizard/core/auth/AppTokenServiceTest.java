// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.aad.msal4j.MsalProcessState;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.app.logging.Redactor;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.LogCapture;

/** The client-credentials request through MSAL4J against the identity platform on loopback https. */
class AppTokenServiceTest {

    private static ExecutorService executor;
    private EntraStandIn entra;
    private LogCapture logs;
    // Unique per test: MSAL4J's throttling cache is process-wide and keyed by client and authority.
    private final String clientId = UUID.randomUUID().toString();
    private final String tenant = UUID.randomUUID().toString();
    private final String secret = "Abc8Q~" + UUID.randomUUID().toString().replace("-", "").substring(0, 30) + "xyzw";

    @BeforeAll
    static void executor() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @BeforeEach
    void start() {
        MsalProcessState.reset();
        entra = EntraStandIn.start();
        logs = LogCapture.everything("com.microsoft.aad.msal4j", "org.m365mailwizard");
    }

    @AfterEach
    void stop() {
        logs.close();
        entra.close();
    }

    private MailConfig config(Endpoints endpoints) {
        return MailConfig.builder().endpointOverride(endpoints).tenantId(tenant).clientId(clientId)
                .clientSecret(secret).build();
    }

    private AccessToken acquire(MailConfig config) throws Exception {
        return new AppTokenService(executor, Duration.ofSeconds(5)).acquire(config).toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    private Throwable failure(MailConfig config) {
        Throwable cause = failureAllowingLoggedEcho(config);
        assertThat(logs.text()).doesNotContain(secret);
        return cause;
    }

    private Throwable failureAllowingLoggedEcho(MailConfig config) {
        Throwable t = catchThrowable(() -> acquire(config));
        assertThat(t).isNotNull();
        Throwable cause = t.getCause() instanceof CompletionException c ? c.getCause() : t.getCause();
        assertThat(String.valueOf(cause)).doesNotContain(secret);
        assertThat(cause.getMessage()).doesNotContain(secret);
        return cause;
    }

    @Test
    void tokenWithMailSendRoleIsReadFromTheJwt() throws Exception {
        entra.token(tenant, clientId, tenant, List.of("Mail.Send", "User.Read.All"));

        AccessToken token = acquire(config(entra.endpoints()));

        assertThat(token.roles()).containsExactly("Mail.Send", "User.Read.All");
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.hasPermission("Mail.Send")).isTrue();
        assertThat(token.expiresOn()).isNotNull();
        String sent = entra.tokenRequestBodies().get(0);
        assertThat(sent).contains("grant_type=client_credentials");
        // MSAL adds "openid profile offline_access" in HashSet order: compare the scope as a set.
        String scope = java.util.Arrays.stream(sent.split("&")).filter(p -> p.startsWith("scope=")).findFirst()
                .map(p -> java.net.URLDecoder.decode(p.substring(6), java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(scope.split(" ")).contains(entra.baseUri() + "/.default");
        assertThat(logs.text()).doesNotContain(secret).doesNotContain(token.value());
    }

    @Test
    void secretIdInsteadOfValueIsAadsts7000215() {
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215,
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
                        + "client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");

        Throwable cause = failure(config(entra.endpoints()));

        assertThat(cause).isInstanceOf(AadFailure.class);
        AadFailure aad = (AadFailure) cause;
        assertThat(aad.error()).isEqualTo(AadError.INVALID_CLIENT_SECRET);
        assertThat(aad.code()).isEqualTo(7000215);
        assertThat(aad.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(aad.problem().key()).isEqualTo("app.aadsts.7000215.message");
        assertThat(aad.evidence()).anySatisfy(line -> assertThat(line).startsWith("Trace ID:"));
    }

    @Test
    void secretEchoedByAServerIsRemovedFromTheDescription() {
        // Microsoft never echoes the secret; a proxy or a broken stand-in might. MSAL itself logs the
        // server's description at WARN, so here the log file's redactor is what keeps it out.
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215,
                "AADSTS7000215: Invalid client secret provided: " + secret);

        AadFailure aad = (AadFailure) failureAllowingLoggedEcho(config(entra.endpoints()));

        assertThat(aad.description()).contains("[redacted]").doesNotContain(secret);
        assertThat(aad.evidence()).noneMatch(line -> line.contains(secret));
        assertThat(Redactor.redact(logs.text())).doesNotContain(secret);
    }

    @Test
    void outageIsUnavailableNotARefusal() {
        entra.tokenOutage(tenant);

        Throwable cause = failure(config(entra.endpoints()));

        assertThat(cause).isInstanceOf(ProblemException.class).isNotInstanceOf(AadFailure.class);
        assertThat(((ProblemException) cause).exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void htmlPageIsNotTheIdentityPlatform() {
        entra.tokenHtmlPage(tenant);

        Throwable cause = failure(config(entra.endpoints()));

        assertThat(((ProblemException) cause).exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(((ProblemException) cause).problem().key()).isEqualTo("app.token.error.notIdentityPlatform");
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("https://localhost:" + port);

        Throwable cause = failure(config(new Endpoints(dead, dead)));

        assertThat(((ProblemException) cause).exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(((ProblemException) cause).problem().key()).isEqualTo("app.token.error.unreachable");
    }

    @Test
    void resetConnectionIsUnreachable() {
        entra.resetConnections(tenant);

        Throwable cause = failure(config(entra.endpoints()));

        assertThat(((ProblemException) cause).exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void httpLoginEndpointIsInvalidInputAndNothingIsSent() {
        URI http = URI.create("http://localhost:1");

        Throwable cause = failure(config(new Endpoints(http, http)));

        assertThat(((ProblemException) cause).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }
}
