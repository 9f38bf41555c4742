// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves an app registration's secret by a client-credentials token request (MSAL4J
 * {@link ConfidentialClientApplication}) against {@code {login}/{tenant}/} for the Graph
 * {@code /.default} scope of the config's endpoints. Every call builds its own application and skips
 * the token cache: a check must ask Microsoft, not remember an earlier answer.
 *
 * <p>The returned stage completes with the token (claims read, see {@link AccessToken#fromJwt}) or fails with:
 * {@link AadFailure} (exit 1) when Microsoft refused, with the AADSTS code in words; a
 * {@link ProblemException} of exit 2 when the config lacks tenant, client ID or secret, or the login
 * endpoint is not a usable https URL; exit 3 when the login host cannot be reached, throttles, or fails.
 * The secret is never part of any message, log line or exception this class produces.
 */
public final class AppTokenService {

    private static final Logger LOG = LoggerFactory.getLogger(AppTokenService.class);
    private static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of("login.microsoftonline.com",
            "login.microsoft.com", "login.windows.net", "sts.windows.net", "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn", "login.microsoftonline.us", "login-us.microsoftonline.com");

    private final ExecutorService executor;
    private final Duration timeout;

    /**
     * @param executor runs MSAL's request (the application's background executor)
     * @param timeout connect and read timeout for each HTTP exchange with the login host
     */
    public AppTokenService(ExecutorService executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    /** The authority MSAL is pointed at: {@code {login}/{tenant}/}. */
    public static String authority(Endpoints endpoints, String tenant) {
        return endpoints.loginRoot() + "/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/";
    }

    /** True for Microsoft's own login hosts, where MSAL's instance discovery and authority validation apply. */
    public static boolean isMicrosoftLoginHost(String host) {
        return host != null && MICROSOFT_LOGIN_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    /** A client-credentials token for the config's tenant ({@code tenantId}), client ID and secret. */
    public CompletionStage<AccessToken> acquire(MailConfig config) {
        String tenant = config.tenantId();
        String clientId = config.clientId();
        String secret = config.secret().orElse(null);
        if (tenant == null || clientId == null || secret == null) {
            return CompletableFuture.failedFuture(ProblemException.invalidInput("app.token.error.incomplete"));
        }
        Endpoints endpoints = config.endpoints();
        ConfidentialClientApplication application;
        try {
            application = build(endpoints, tenant, clientId, secret);
        } catch (MalformedURLException | IllegalArgumentException e) {
            // MSAL's message names the authority only, but is not shown: the key and the login root are enough.
            return CompletableFuture.failedFuture(
                    ProblemException.invalidInput("app.token.error.authority", endpoints.loginRoot()));
        }
        ClientCredentialParameters parameters = ClientCredentialParameters
                .builder(Set.of(endpoints.graphDefaultScope()))
                .skipCache(true)
                .build();
        String host = URI.create(endpoints.loginRoot()).getHost();
        CompletableFuture<IAuthenticationResult> request;
        try {
            request = application.acquireToken(parameters);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e, tenant, clientId, secret, host));
        }
        return request.handle((result, error) -> {
            if (error != null) {
                throw new CompletionException(translate(error, tenant, clientId, secret, host));
            }
            Instant expires = result.expiresOnDate() == null ? null : result.expiresOnDate().toInstant();
            return AccessToken.fromJwt(result.accessToken(), expires);
        });
    }

    private ConfidentialClientApplication build(Endpoints endpoints, String tenant, String clientId, String secret)
            throws MalformedURLException {
        String authority = authority(endpoints, tenant);
        boolean microsoftHost = isMicrosoftLoginHost(URI.create(authority).getHost());
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                .authority(authority)
                // Instance discovery asks login.microsoftonline.com about the host: useless (and a leak of
                // the stand-in's name) for hosts that are not Microsoft's, and authority validation with it.
                .instanceDiscovery(microsoftHost)
                .validateAuthority(microsoftHost)
                .executorService(executor)
                .connectTimeoutForDefaultHttpClient(millis)
                .readTimeoutForDefaultHttpClient(millis)
                .logPii(false)
                .build();
    }

    static ProblemException translate(Throwable thrown, String tenant, String clientId, String secret, String host) {
        Throwable error = thrown;
        while ((error instanceof CompletionException || error instanceof java.util.concurrent.ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        if (error instanceof ProblemException problem) {
            return problem;
        }
        if (error instanceof MsalThrottlingException throttled) {
            return ProblemException.unavailable(null, "app.token.error.throttled", host,
                    Math.max(1, throttled.retryInMs() / 1000));
        }
        if (error instanceof MsalServiceException service) {
            String description = AadFailure.withoutSecret(service.getMessage(), secret);
            int status = service.statusCode() == null ? 0 : service.statusCode();
            int code = AadError.codeIn(description).orElse(0);
            LOG.info("Token request refused: HTTP {} {} AADSTS{}", status, service.errorCode(), code);
            if (status >= 500 || "temporarily_unavailable".equals(service.errorCode())) {
                return ProblemException.unavailable(null, "app.token.error.serviceDown", host, status);
            }
            if (code == 0 && (status == 0 || "invalid_json".equals(service.errorCode()))) {
                // Not an answer of the identity platform: an outage page, a proxy, a captive portal.
                return ProblemException.unavailable(null, "app.token.error.notIdentityPlatform", host);
            }
            return new AadFailure(AadError.fromCode(code), code, service.errorCode(), description, status,
                    tenant, clientId);
        }
        Optional<Message> certificate = UntrustedCertificate.problem(error, host);
        if (certificate.isPresent()) {
            LOG.info("Login host {} presented a certificate this computer does not trust", host);
            return new ProblemException(certificate.get(), ExitCode.UNAVAILABLE, rootCause(error));
        }
        if (causedByIo(error)) {
            LOG.info("Login host {} unreachable: {}", host, rootCause(error).getClass().getSimpleName());
            return ProblemException.unavailable(null, "app.token.error.unreachable", host,
                    rootCause(error).getClass().getSimpleName());
        }
        if (error instanceof MsalClientException client) {
            LOG.info("Token request failed in MSAL: {}", client.errorCode());
            return ProblemException.unavailable(null, "app.token.error.client", host, client.errorCode());
        }
        LOG.warn("Token request failed unexpectedly: {}", error.getClass().getName());
        return ProblemException.unavailable(null, "app.token.error.client", host, error.getClass().getSimpleName());
    }

    private static boolean causedByIo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
