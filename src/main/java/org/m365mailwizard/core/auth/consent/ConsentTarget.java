// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.net.URI;
import java.util.Locale;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/**
 * What consent and sign-in need from a setup, checked to be present: the app, the tenant and the
 * endpoints of the chosen cloud (or their loopback stand-ins).
 *
 * @param clientId the application (client) ID
 * @param tenant the tenant ID, else its domain; never {@code common} (admin consent and a single-tenant app refuse it)
 * @param endpoints login and Graph roots
 */
record ConsentTarget(String clientId, String tenant, Endpoints endpoints) {

    static ConsentTarget of(MailConfig config) throws ProblemException {
        String clientId = trimmed(config.clientId());
        if (clientId.isEmpty()) {
            throw ProblemException.invalidInput("consent.input.noClientId");
        }
        String tenant = trimmed(config.tenantId());
        if (tenant.isEmpty()) {
            tenant = trimmed(config.tenantDomain());
        }
        if (tenant.isEmpty()) {
            throw ProblemException.invalidInput("consent.input.noTenant");
        }
        if (!tenant.matches("[A-Za-z0-9.-]{1,253}")) {
            throw ProblemException.invalidInput("consent.input.badTenant");
        }
        URI login = config.endpoints().login();
        if (!"https".equalsIgnoreCase(login.getScheme()) || login.getHost() == null) {
            throw ProblemException.invalidInput("consent.input.loginNotHttps");
        }
        return new ConsentTarget(clientId, tenant, config.endpoints());
    }

    /** {@code https://login.microsoftonline.com/<tenant>/}, the form MSAL wants. */
    String authority() {
        return AppTokenService.authority(endpoints, tenant);
    }

    /** Origin of the login pages, from which a form_post legitimately comes. */
    String loginOrigin() {
        URI login = endpoints.login();
        String origin = login.getScheme().toLowerCase(Locale.ROOT) + "://" + login.getHost().toLowerCase(Locale.ROOT);
        return login.getPort() < 0 ? origin : origin + ":" + login.getPort();
    }

    /** MSAL may ask Microsoft about the authority only when it is Microsoft's; stand-ins are never looked up. */
    boolean microsoftLoginHost() {
        return AppTokenService.isMicrosoftLoginHost(endpoints.login().getHost());
    }

    /** An identity-platform error in words, for this app and tenant. */
    ConsentErrors.Explanation explain(String error, String description) {
        return ConsentErrors.explain(error, description, tenant, clientId);
    }

    /** A delegated Graph permission as a full scope URI of this cloud, e.g. {@code https://graph.microsoft.us/Mail.Send}. */
    String graphScope(String permission) {
        return endpoints.graphRoot() + "/" + permission;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
