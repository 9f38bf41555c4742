// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.Sleeper;

/**
 * The app setup's services for both faces: the admin's sign-in, the Graph session, the planner, and
 * the completed setup. Built once in the composition root.
 */
public final class AppSetupService {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration timeout;

    public AppSetupService(HttpClient http, ObjectMapper json, Sleeper sleeper, Clock clock, Duration timeout) {
        this.http = Objects.requireNonNull(http);
        this.json = Objects.requireNonNull(json);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.clock = Objects.requireNonNull(clock);
        this.timeout = Objects.requireNonNull(timeout);
    }

    public DeviceCodeSignIn deviceCode() {
        return new DeviceCodeSignIn(http, json, sleeper, clock, timeout);
    }

    /** The admin of a browser sign-in, read from its delegated token (tenant, user, directory roles). */
    public AdminSession admin(String accessToken) {
        return TokenClaims.session(accessToken, json);
    }

    public EntraGraph graph(Endpoints endpoints, AdminSession admin, Cancellation cancel) {
        return new EntraGraph(http, json, sleeper, timeout, endpoints, admin.accessToken(),
                (operation, retry, delay) -> { }, cancel);
    }

    public AppPlanner planner() {
        return new AppPlanner(clock);
    }

    /** The tenant to sign in to: the setup's, else any work account's ({@code organizations}). */
    public static String signInTenant(MailConfig config) {
        if (config.tenantId() != null && !config.tenantId().isBlank()) {
            return config.tenantId();
        }
        if (config.tenantDomain() != null && !config.tenantDomain().isBlank()) {
            return config.tenantDomain();
        }
        return "organizations";
    }

    /**
     * The setup after a run: the app's client ID, the tenant, the new secret and its expiry, the
     * redirect URI, and Microsoft's DNS records when they were read.
     */
    public static MailConfig completed(MailConfig config, SetupRequest request, SetupRun run, AdminSession admin,
                                       Optional<DomainReader.DomainInfo> domain) {
        MailConfig.Builder b = config.toBuilder();
        if (!run.appId().isEmpty()) {
            b.clientId(run.appId());
        }
        if (!admin.tenantId().isEmpty()) {
            b.tenantId(admin.tenantId());
        }
        run.secret().ifPresent(s -> b.clientSecret(s.text()).clientSecretExpires(s.expires()));
        request.redirectUri().ifPresent(b::redirectUri);
        MailConfig done = b.build();
        return domain.map(d -> done.withDnsRecords(d.records())).orElse(done);
    }
}
