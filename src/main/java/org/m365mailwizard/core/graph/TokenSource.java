// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.auth.AccessToken;

/**
 * Where the Graph token for one send comes from: the token service of {@code core.auth} (client
 * credentials), the signed-in user's token, or a fixed token in tests. Keeps {@code core.graph}
 * free of MSAL. A failure completes the stage exceptionally, preferably with a
 * {@link org.m365mailwizard.core.check.ProblemException} that says what went wrong.
 */
@FunctionalInterface
public interface TokenSource {

    CompletionStage<AccessToken> token();

    static TokenSource of(AccessToken token) {
        return () -> CompletableFuture.completedFuture(token);
    }
}
