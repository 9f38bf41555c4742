// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The client-credentials token request of the app-registration check, as the consent step needs it:
 * re-run after admin consent to prove the application permission arrived.
 */
@FunctionalInterface
public interface ApplicationTokenSource {

    /**
     * A new token for {@code {graph}/.default}, never one from a cache (a cached token predates the consent).
     *
     * @throws ProblemException the identity platform refused (wrong secret, unknown app...) or was unreachable
     */
    AccessToken acquireFresh(MailConfig config) throws ProblemException;

    /** The app-registration step's token service (it never uses a cache), waited for on the calling thread. */
    static ApplicationTokenSource of(AppTokenService service) {
        return config -> {
            try {
                return service.acquire(config).toCompletableFuture().get();
            } catch (ExecutionException | CompletionException e) {
                if (e.getCause() instanceof ProblemException problem) {
                    throw problem;
                }
                throw ProblemException.unavailable(e.getCause(), "consent.role.unavailable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable(e, "consent.role.unavailable");
            }
        };
    }
}
