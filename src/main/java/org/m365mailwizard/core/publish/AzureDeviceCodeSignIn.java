// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Signs the admin in for Azure Resource Manager by device code (MSAL4J, public client): the command
 * line shows a code and a page, the admin signs in anywhere, the token is kept in memory for this
 * run only. The app is the setup's own registration (public client flows allowed, delegated
 * {@code user_impersonation} of Azure Service Management).
 */
public final class AzureDeviceCodeSignIn implements AzureDnsProvider.TokenSource {

    private static final long WAIT_MINUTES = 15;

    private final String authority;
    private final String clientId;
    private final String scope;
    private final Consumer<Message> show;
    private String token;

    /**
     * @param loginRoot the identity platform, e.g. {@code https://login.microsoftonline.com}
     * @param tenant the tenant id or domain, or {@code organizations}
     * @param managementRoot Azure Resource Manager's root, the token's audience
     * @param show receives the sign-in instruction (page and code)
     */
    public AzureDeviceCodeSignIn(String loginRoot, String tenant, String clientId, String managementRoot,
                                 Consumer<Message> show) {
        this.authority = loginRoot + "/" + tenant + "/";
        this.clientId = clientId;
        this.scope = managementRoot + "/user_impersonation";
        this.show = show;
    }

    @Override
    public synchronized String token() throws ProblemException {
        if (token != null) {
            return token;
        }
        boolean microsoft = AppTokenService.isMicrosoftLoginHost(URI.create(authority).getHost());
        try {
            PublicClientApplication app = PublicClientApplication.builder(clientId).authority(authority)
                    .instanceDiscovery(microsoft).validateAuthority(microsoft).logPii(false).build();
            IAuthenticationResult result = app.acquireToken(DeviceCodeFlowParameters.builder(Set.of(scope),
                    code -> show.accept(Message.of("publish.azure.deviceCode", code.verificationUri(), code.userCode())))
                    .build()).get(WAIT_MINUTES, TimeUnit.MINUTES);
            token = result.accessToken();
            return token;
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw ProblemException.invalidInput("publish.error.azure.badLogin");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MsalServiceException refused) {
                throw new ProblemException(Message.of("publish.error.azure.signIn", refused.errorCode()), ExitCode.CHECK_FAILED);
            }
            throw ProblemException.unavailable(null, "publish.error.unreachable", AzureDnsProvider.ID, URI.create(authority).getHost());
        } catch (TimeoutException e) {
            throw new ProblemException(Message.of("publish.error.azure.signInTimeout"), ExitCode.CHECK_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Message.of("publish.error.azure.signInTimeout"), ExitCode.CHECK_FAILED);
        }
    }
}
