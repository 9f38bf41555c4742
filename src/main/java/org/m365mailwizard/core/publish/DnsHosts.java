// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;

/**
 * Opens a {@link DnsHostProvider} by its id with its credential: Cloudflare's token from
 * {@value #CLOUDFLARE_TOKEN_ENV} (never from the command line, where other users could read it in
 * the process list), or the one typed into the wizard for this session.
 */
public final class DnsHosts {

    public static final String CLOUDFLARE_TOKEN_ENV = "CLOUDFLARE_API_TOKEN";
    public static final String IDS = "cloudflare|azure";

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public DnsHosts(HttpClient http, ObjectMapper mapper, Duration timeout) {
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    /**
     * The provider with the credential the environment supplies, or, for Azure, a device-code sign-in
     * with the setup's app registration and tenant.
     *
     * @param show where Azure's sign-in instruction (page and code) is shown
     */
    public DnsHostProvider open(String id, MailConfig setup, Endpoints endpoints, Map<String, String> environment,
                                Consumer<Message> show) throws ProblemException {
        if (CloudflareProvider.ID.equals(id)) {
            return cloudflare(endpoints, environment.getOrDefault(CLOUDFLARE_TOKEN_ENV, ""));
        }
        if (AzureDnsProvider.ID.equals(id)) {
            if (setup.clientId() == null) {
                throw ProblemException.invalidInput("publish.error.azure.noClient");
            }
            String tenant = setup.tenantId() != null ? setup.tenantId() : "organizations";
            return azure(endpoints, new AzureDeviceCodeSignIn(endpoints.loginRoot(), tenant, setup.clientId(),
                    endpoints.azureManagementRoot(), show));
        }
        throw ProblemException.invalidInput("publish.error.badProvider", id, IDS);
    }

    public DnsHostProvider azure(Endpoints endpoints, AzureDnsProvider.TokenSource tokens) {
        return new AzureDnsProvider(http, mapper, timeout, endpoints.azureManagementRoot(), tokens);
    }

    public DnsHostProvider cloudflare(Endpoints endpoints, String token) throws ProblemException {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalidInput("publish.error.noToken", CLOUDFLARE_TOKEN_ENV);
        }
        return new CloudflareProvider(http, mapper, timeout, endpoints.cloudflareRoot(), token.strip());
    }
}
