// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import java.util.Objects;
import org.m365mailwizard.core.auth.consent.AdminConsent;
import org.m365mailwizard.core.auth.consent.ApplicationTokenSource;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;

/**
 * What the consent step uses, built by the composition root.
 *
 * @param adminConsent the admin-consent trip
 * @param signIn the sign-in as the sender
 * @param appTokens the client-credentials check re-run after consent
 * @param plan how long to keep checking for Mail.Send while consent propagates
 */
public record ConsentServices(AdminConsent adminConsent, DelegatedSignIn signIn, ApplicationTokenSource appTokens,
                              MailSendRoleCheck.Plan plan) {
    public ConsentServices {
        Objects.requireNonNull(adminConsent, "adminConsent");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(appTokens, "appTokens");
        Objects.requireNonNull(plan, "plan");
    }
}
