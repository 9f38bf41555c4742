// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.m365mailwizard.core.auth.AdminConsent;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;

/**
 * Admin consent for the application permissions (Mail.Send) through the system browser:
 * {@code {login}/{tenant}/v2.0/adminconsent?client_id&scope={graph}/.default&redirect_uri&state}, answered
 * with {@code admin_consent=True&tenant=...} or an error at the loopback listener (query mode).
 * The answer only says the admin clicked Accept; {@link MailSendRoleCheck} then proves it with a token.
 */
public final class AdminConsentFlow {

    private final BrowserOpener browser;
    private final Texts texts;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration timeout;

    public AdminConsentFlow(BrowserOpener browser, Texts texts, Clock clock, SecureRandom random, Duration timeout) {
        this.browser = Objects.requireNonNull(browser);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /**
     * Starts the listener and opens the consent page. Returns at once; {@link Session#await()} waits.
     *
     * @throws ProblemException the setup lacks the app or tenant (exit code 2)
     * @throws IOException no loopback port could be opened
     */
    public Session begin(MailConfig config) throws ProblemException, IOException {
        ConsentTarget target = ConsentTarget.of(config);
        String state = RandomValues.urlSafe(random, 32);
        LoopbackListener listener = LoopbackListener.start(new LoopbackListener.Settings(state, ResponseMode.QUERY,
                "/", timeout, Set.of(target.loginOrigin()), answer -> pageFor(target, answer)), texts, clock);
        URI url = consentUrl(target, listener.redirectUri(), state);
        return new Session(listener, url, browser, target);
    }

    static URI consentUrl(ConsentTarget target, URI redirectUri, String state) {
        // state is base64url: nothing to encode.
        return URI.create(AdminConsent.url(target.endpoints(), target.tenant(), target.clientId(),
                redirectUri.toString()) + "&state=" + state);
    }

    private static BrowserPage pageFor(ConsentTarget target, Map<String, String> answer) {
        if (isGranted(answer)) {
            return new BrowserPage(true, Message.of("consent.page.admin.granted.title"),
                    Message.of("consent.page.admin.granted.detail"));
        }
        ConsentErrors.Explanation why = target.explain(answer.get("error"), answer.get("error_description"));
        return new BrowserPage(false, Message.of("consent.page.admin.refused.title"), why.problem(), why.fix());
    }

    private static boolean isGranted(Map<String, String> answer) {
        return answer.get("error") == null && "true".equalsIgnoreCase(answer.get("admin_consent"));
    }

    /** One consent trip through the browser. */
    public static final class Session extends BrowserSession {

        private final ConsentTarget target;

        Session(LoopbackListener listener, URI url, BrowserOpener browser, ConsentTarget target) {
            super(listener, url, browser);
            this.target = target;
        }

        /** Blocks until the browser comes back, the time runs out, or the wait is cancelled. */
        public AdminConsentResult await() throws InterruptedException {
            CallbackResult answer = listener().await();
            String description = answer.parameter("error_description").orElse(null);
            ConsentErrors.Explanation why = target.explain(answer.error().orElse(null), description);
            return switch (answer.outcome()) {
                case TIMED_OUT -> AdminConsentResult.ended(AdminConsentResult.Status.TIMED_OUT,
                        Message.of("consent.admin.timedOut"));
                case CANCELLED -> AdminConsentResult.ended(AdminConsentResult.Status.CANCELLED,
                        Message.of("consent.admin.cancelled"));
                case RECEIVED -> isGranted(answer.parameters())
                        ? new AdminConsentResult(AdminConsentResult.Status.GRANTED, Message.of("consent.admin.granted"),
                                null, answer.parameter("tenant").orElse(""), "")
                        : new AdminConsentResult(AdminConsentResult.Status.REFUSED, why.problem(), why.fix(), "",
                                ConsentErrors.printable(description));
            };
        }
    }
}
