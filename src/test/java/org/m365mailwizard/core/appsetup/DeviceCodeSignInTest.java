// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;

/** The admin's device-code sign-in against the identity platform stand-in: every polling state of facts §7.1. */
class DeviceCodeSignInTest {

    private AppSetupStandIn entra;
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-07T13:00:00Z"));
    private final List<DeviceCodePrompt> prompts = new ArrayList<>();
    private final List<Duration> slowDowns = new ArrayList<>();

    @BeforeEach
    void start() {
        entra = AppSetupStandIn.start();
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    private AdminSession signIn() throws Exception {
        DeviceCodeSignIn signIn = new DeviceCodeSignIn(HttpClient.newHttpClient(), new ObjectMapper(), time, time,
                Duration.ofSeconds(10));
        return signIn.signIn(entra.endpoints(), "organizations", AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID,
                AppSetupIds.SCOPES, new DeviceCodeSignIn.Listener() {
                    @Override
                    public void prompt(DeviceCodePrompt prompt) {
                        prompts.add(prompt);
                    }

                    @Override
                    public void slowedDown(Duration interval) {
                        slowDowns.add(interval);
                    }
                }, Cancellation.none());
    }

    @Test
    void pendingThenTokenGivesTheAdminWithTenantAndRoles() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "authorization_pending", "authorization_pending", "ok");

        AdminSession admin = signIn();

        assertThat(prompts).singleElement().satisfies(p -> {
            assertThat(p.userCode()).isEqualTo("GTHK-7QXP");
            assertThat(p.verificationUri()).isEqualTo("https://microsoft.com/devicelogin");
            assertThat(p.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(time.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(admin.tenantId()).isEqualTo(AppSetupStandIn.TENANT);
        assertThat(admin.user()).isEqualTo("admin@contoso.com");
        assertThat(admin.canGrantGraphAppRoles()).isTrue();
        assertThat(admin.toString()).doesNotContain(admin.accessToken());
        String poll = entra.tokenRequests().get(0).getBodyAsString();
        assertThat(poll).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
                .contains("client_id=" + AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID).contains("device_code=");
    }

    @Test
    void slowDownAddsFiveSecondsToTheInterval() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "slow_down", "authorization_pending", "ok");

        signIn();

        assertThat(slowDowns).containsExactly(Duration.ofSeconds(6));
        assertThat(time.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(6));
    }

    @Test
    void declinedStopsWithExitTwo() {
        entra.deviceCode(List.of(), "authorization_pending", "authorization_declined");

        assertThatThrownBy(this::signIn).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().key()).isEqualTo("appsetup.signIn.declined");
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        });
        assertThat(entra.tokenRequests()).hasSize(2);
    }

    @Test
    void expiredStopsWithExitTwo() {
        entra.deviceCode(List.of(), "expired_token");

        assertThatThrownBy(this::signIn).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.problem().key()).isEqualTo("appsetup.signIn.expired"));
    }

    @Test
    void pendingPastTheCodesLifetimeIsExpiredWithoutAnotherPoll() {
        entra.deviceCode(List.of(), "authorization_pending");
        // The admin walks away: the first wait outlasts the code.
        time.onSleep = () -> {
            time.onSleep = () -> { };
            time.sleep(Duration.ofMinutes(15), Cancellation.none());
        };

        assertThatThrownBy(this::signIn).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.problem().key()).isEqualTo("appsetup.signIn.expired"));
        assertThat(entra.tokenRequests()).hasSize(1);
    }

    @Test
    void aRefusedClientSaysWhyWithTheAadstsLine() {
        entra.deviceCodeRefused("invalid_client", 7000218,
                "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

        assertThatThrownBy(this::signIn).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().key()).isEqualTo("appsetup.signIn.refused");
            assertThat(e.problem().args().get(0)).startsWith("AADSTS7000218");
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        });
    }

    @Test
    void anApplicationAdministratorCannotGrantGraphAppRoles() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.APPLICATION_ADMIN), "ok");
        assertThat(signIn().canGrantGraphAppRoles()).isFalse();
    }
}
