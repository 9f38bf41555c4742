// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.security.SecureRandom;
import java.time.Clock;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The two browser flows as the composition root builds them: the system browser, the default
 * five-minute wait, and the OS token store under the user's config folder.
 *
 * @param adminConsent admin consent for the application permission
 * @param signIn sign-in as the sender for the delegated permission
 * @param appTokens the client-credentials check that proves admin consent afterwards
 */
public record ConsentFlows(AdminConsentFlow adminConsent, DelegatedSignIn signIn, ApplicationTokenSource appTokens) {

    public static ConsentFlows create(Texts texts, Clock clock, UserDirs dirs, BrowserOpener browser,
                                      AppTokenService appTokens) {
        SecureRandom random = new SecureRandom();
        return new ConsentFlows(
                new AdminConsentFlow(browser, texts, clock, random, LoopbackListener.DEFAULT_TIMEOUT),
                new DelegatedSignIn(browser, texts, clock, random, LoopbackListener.DEFAULT_TIMEOUT,
                        new ProtectedTokenStore(dirs.config().resolve("token-cache"), System.getProperty("os.name", ""))),
                ApplicationTokenSource.of(appTokens));
    }
}
