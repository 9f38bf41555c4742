// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The tenant-wide admin-consent link (m365-facts §5.3): an administrator opens it, signs in and grants
 * every permission configured on the app ({@code /.default}). Never {@code /common}: the tenant is named.
 */
public final class AdminConsent {

    private AdminConsent() {
    }

    /**
     * {@code {login}/{tenant}/v2.0/adminconsent?client_id=…&scope={graph}/.default&redirect_uri=…}
     *
     * @param redirectUri a URI registered on the app; omitted from the link when null or blank
     */
    public static URI url(Endpoints endpoints, String tenant, String clientId, String redirectUri) {
        StringBuilder url = new StringBuilder(endpoints.loginRoot()).append('/').append(encode(tenant))
                .append("/v2.0/adminconsent?client_id=").append(encode(clientId))
                .append("&scope=").append(encode(endpoints.graphDefaultScope()));
        if (redirectUri != null && !redirectUri.isBlank()) {
            url.append("&redirect_uri=").append(encode(redirectUri));
        }
        return URI.create(url.toString());
    }

    /** What to do when a token lacks the application permission Mail.Send, with the tenant's consent link. */
    public static Message mailSendMissingFix(MailConfig config) {
        return Message.of("app.mailSend.missing.fix",
                url(config.endpoints(), config.tenantId(), config.clientId(), config.redirectUri()).toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
