// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
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

    /** The provider with the credential the environment supplies. */
    public DnsHostProvider open(String id, Endpoints endpoints, Map<String, String> environment) throws ProblemException {
        if (CloudflareProvider.ID.equals(id)) {
            return cloudflare(endpoints, environment.getOrDefault(CLOUDFLARE_TOKEN_ENV, ""));
        }
        if ("azure".equals(id)) {
            throw ProblemException.invalidInput("publish.error.azureNotYet");
        }
        throw ProblemException.invalidInput("publish.error.badProvider", id, IDS);
    }

    public DnsHostProvider cloudflare(Endpoints endpoints, String token) throws ProblemException {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalidInput("publish.error.noToken", CLOUDFLARE_TOKEN_ENV);
        }
        return new CloudflareProvider(http, mapper, timeout, endpoints.cloudflareRoot(), token.strip());
    }
}
