// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.m365mailwizard.core.auth.AadError;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in as the sender for the delegated {@code Mail.Send}: authorization code with PKCE (S256)
 * through MSAL4J, in the system browser, answered by form_post at this wizard's own
 * {@link LoopbackListener} (MSAL's built-in listener accepts any method, Host and Origin and waits 120 s).
 * MSAL builds the authorize URL and redeems the code with the PKCE verifier; the verifier never
 * leaves this object except in that token request.
 *
 * <p>Redirect URI: {@code http://localhost} (Entra ignores the port of loopback redirect URIs, not the
 * path). Registered under "Mobile and desktop applications" the app is a public client here and sends
 * no secret; registered under "Web" only, the identity platform wants the secret
 * ({@link RedirectPlatform#WEB}).
 */
public final class DelegatedSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(DelegatedSignIn.class);
    private static final Duration REDEEM_TIMEOUT = Duration.ofSeconds(60);
    /** Connect and read timeout of one exchange with the login host (as the app-registration check uses). */
    private static final int HTTP_TIMEOUT_MS = 15_000;

    /** Under which platform of the app registration {@code http://localhost} is registered. */
    public enum RedirectPlatform {
        /** Public client: no secret is sent (AADSTS700025 if one were). */
        MOBILE_AND_DESKTOP,
        /** Confidential client: the site's secret redeems the code (AADSTS7000218 without it). */
        WEB
    }

    /**
     * @param rememberMe keep the tokens in the OS's protected store (else memory only)
     * @param platform where {@code http://localhost} is registered
     */
    public record Options(boolean rememberMe, RedirectPlatform platform) {
        public Options {
            Objects.requireNonNull(platform, "platform");
        }
    }

    private final BrowserOpener browser;
    private final Texts texts;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration timeout;
    private final ProtectedTokenStore store;

    public DelegatedSignIn(BrowserOpener browser, Texts texts, Clock clock, SecureRandom random, Duration timeout,
                           ProtectedTokenStore store) {
        this.browser = Objects.requireNonNull(browser);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.timeout = Objects.requireNonNull(timeout);
        this.store = Objects.requireNonNull(store);
    }

    /** The delegated scopes asked for, as full URIs of the setup's Graph (MSAL adds openid and profile). */
    static Set<String> scopes(ConsentTarget target) {
        return new LinkedHashSet<>(List.of(target.graphScope("Mail.Send"), "offline_access",
                target.graphScope("User.Read")));
    }

    /**
     * Opens the sign-in page for the sender and starts waiting; returns at once.
     *
     * @throws ProblemException the setup lacks the app, tenant, sender, or (for Web) the secret
     * @throws IOException no loopback port could be opened
     */
    public Session begin(MailConfig config, Options options) throws ProblemException, IOException {
        ConsentTarget target = ConsentTarget.of(config);
        String sender = config.sender() == null ? "" : config.sender().strip();
        if (sender.isEmpty()) {
            throw ProblemException.invalidInput("consent.input.noSender");
        }
        if (options.platform() == RedirectPlatform.WEB && config.secret().isEmpty()) {
            throw ProblemException.invalidInput("consent.input.noSecretForWeb");
        }
        ProtectedTokenStore.Opened cache = options.rememberMe() ? store.open() : null;
        AbstractClientApplicationBase app = application(target, config, options.platform(), cache);
        return begin(target, app, scopes(target), sender, cache, cache != null && cache.persistent());
    }

    /**
     * Signs an administrator in for the app setup: the same browser trip, listener rules and PKCE as the
     * sender's sign-in, but with a public client of its own ({@code publicClientId}, e.g. Microsoft Graph
     * Command Line Tools), no login hint (any admin of the tenant may sign in), nothing remembered, and
     * only {@code scopes}, the permissions the chosen action needs. Returns at once.
     *
     * @param tenant the tenant ID or domain, or {@code organizations} when not yet known
     * @param scopes full scope URIs of the setup's Graph
     * @throws ProblemException the login endpoint is not https or the tenant is unusable
     * @throws IOException no loopback port could be opened
     */
    public Session beginAdmin(Endpoints endpoints, String tenant, String publicClientId, Set<String> scopes)
            throws ProblemException, IOException {
        ConsentTarget target = ConsentTarget.of(MailConfig.builder().endpointOverride(endpoints).tenantId(tenant)
                .clientId(publicClientId).build());
        AbstractClientApplicationBase app = application(target, null, RedirectPlatform.MOBILE_AND_DESKTOP, null);
        Set<String> asked = new LinkedHashSet<>(scopes);
        return begin(target, app, asked, "", null, false);
    }

    private Session begin(ConsentTarget target, AbstractClientApplicationBase app, Set<String> asked, String sender,
                          ProtectedTokenStore.Opened cache, boolean persistent) throws IOException, ProblemException {
        Pkce pkce = Pkce.generate(random);
        String state = RandomValues.urlSafe(random, 32);
        LoopbackListener listener = LoopbackListener.start(new LoopbackListener.Settings(state,
                ResponseMode.FORM_POST, "/", timeout, Set.of(target.loginOrigin()), answer -> pageFor(target, answer)),
                texts, clock);
        try {
            AuthorizationRequestUrlParameters.Builder url = AuthorizationRequestUrlParameters
                    .builder(listener.redirectUri().toString(), asked)
                    .responseMode(com.microsoft.aad.msal4j.ResponseMode.FORM_POST)
                    .codeChallenge(pkce.challenge())
                    .codeChallengeMethod(Pkce.METHOD)
                    .state(state)
                    .prompt(Prompt.SELECT_ACCOUNT);
            if (!sender.isEmpty()) {
                url.loginHint(sender);
            }
            return new Session(listener, app.getAuthorizationRequestUrl(url.build()).toURI(), browser, app, target,
                    pkce, asked, sender, cache == null ? null : cache.notice(), persistent);
        } catch (URISyntaxException | RuntimeException e) {
            listener.cancel();
            throw ProblemException.invalidInput("consent.input.badEndpoint");
        }
    }

    private static AbstractClientApplicationBase application(ConsentTarget target, MailConfig config,
                                                             RedirectPlatform platform,
                                                             ProtectedTokenStore.Opened cache) throws ProblemException {
        try {
            if (platform == RedirectPlatform.WEB) {
                var builder = ConfidentialClientApplication.builder(target.clientId(),
                                ClientCredentialFactory.createFromSecret(config.secret().orElseThrow()))
                        .authority(target.authority())
                        .instanceDiscovery(target.microsoftLoginHost())
                        .validateAuthority(target.microsoftLoginHost())
                        .connectTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MS)
                        .readTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MS)
                        .logPii(false);
                if (cache != null) {
                    cache.aspect().ifPresent(builder::setTokenCacheAccessAspect);
                }
                return builder.build();
            }
            var builder = PublicClientApplication.builder(target.clientId())
                    .authority(target.authority())
                    .instanceDiscovery(target.microsoftLoginHost())
                    .validateAuthority(target.microsoftLoginHost())
                    .connectTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MS)
                    .readTimeoutForDefaultHttpClient(HTTP_TIMEOUT_MS)
                    .logPii(false);
            if (cache != null) {
                cache.aspect().ifPresent(builder::setTokenCacheAccessAspect);
            }
            return builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw ProblemException.invalidInput("consent.input.badEndpoint");
        }
    }

    private static BrowserPage pageFor(ConsentTarget target, Map<String, String> answer) {
        if (answer.get("error") == null && answer.get("code") != null) {
            return new BrowserPage(true, Message.of("consent.page.signIn.done.title"),
                    Message.of("consent.page.signIn.done.detail"));
        }
        ConsentErrors.Explanation why = target.explain(answer.get("error"), answer.get("error_description"));
        return new BrowserPage(false, Message.of("consent.page.signIn.refused.title"), why.problem(), why.fix());
    }

    /** One sign-in trip through the browser. */
    public static final class Session extends BrowserSession {
        private final AbstractClientApplicationBase app;
        private final ConsentTarget target;
        private final Pkce pkce;
        private final Set<String> scopes;
        private final String sender;
        private final Message storeNotice;
        private final boolean persistent;

        Session(LoopbackListener listener, URI url, BrowserOpener browser, AbstractClientApplicationBase app,
                ConsentTarget target, Pkce pkce, Set<String> scopes, String sender, Message storeNotice,
                boolean persistent) {
            super(listener, url, browser);
            this.app = app;
            this.target = target;
            this.pkce = pkce;
            this.scopes = Set.copyOf(scopes);
            this.sender = sender;
            this.storeNotice = storeNotice;
            this.persistent = persistent;
        }

        /** Blocks until the browser comes back and the code is redeemed, or the wait ends. */
        public DelegatedResult await() throws InterruptedException {
            CallbackResult answer = listener().await();
            switch (answer.outcome()) {
                case TIMED_OUT:
                    return DelegatedResult.ended(DelegatedResult.Status.TIMED_OUT, Message.of("consent.signIn.timedOut"));
                case CANCELLED:
                    return DelegatedResult.ended(DelegatedResult.Status.CANCELLED, Message.of("consent.signIn.cancelled"));
                default:
                    break;
            }
            String code = answer.parameter("code").orElse(null);
            if (answer.error().isPresent() || code == null) {
                String description = answer.parameter("error_description").orElse(null);
                ConsentErrors.Explanation why = target.explain(answer.error().orElse(null), description);
                return new DelegatedResult(DelegatedResult.Status.REFUSED, why.problem(), why.fix(), null,
                        ConsentErrors.printable(description), storeNotice);
            }
            return redeem(code);
        }

        private DelegatedResult redeem(String code) throws InterruptedException {
            try {
                IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters
                                .builder(code, listener().redirectUri())
                                .scopes(scopes)
                                .codeVerifier(pkce.verifier())
                                .build())
                        .get(REDEEM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                AccessToken token = DelegatedTokens.from(result);
                return new DelegatedResult(DelegatedResult.Status.SIGNED_IN,
                        Message.of("consent.signIn.done", token.userPrincipal() == null ? "?" : token.userPrincipal()),
                        null, token, "", storeNotice);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MsalServiceException refusal) {
                    String text = refusal.getMessage();
                    LOG.info("The token endpoint refused the code: {} AADSTS{}", refusal.errorCode(),
                            AadError.codeIn(text).orElse(0));
                    ConsentErrors.Explanation why = target.explain(refusal.errorCode(), text);
                    return new DelegatedResult(DelegatedResult.Status.REFUSED, why.problem(), why.fix(), null,
                            ConsentErrors.printable(text), storeNotice);
                }
                LOG.info("Could not redeem the code: {}", cause == null ? "?" : cause.getClass().getSimpleName());
                return unreachable();
            } catch (TimeoutException e) {
                return unreachable();
            }
        }

        private DelegatedResult unreachable() {
            return new DelegatedResult(DelegatedResult.Status.UNREACHABLE,
                    Message.of("consent.signIn.unreachable", target.endpoints().loginRoot()), null, null, "", storeNotice);
        }

        /** The address the sign-in is for; empty for an administrator's sign-in (no login hint). */
        public String sender() {
            return sender;
        }

        /** Whether the tokens of this sign-in go to the OS's protected store. */
        public boolean persistent() {
            return persistent;
        }
    }
}
