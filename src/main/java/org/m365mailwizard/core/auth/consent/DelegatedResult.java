// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.Objects;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.Message;

/**
 * How a sign-in as the sender ended.
 *
 * @param status signed in, refused, timed out, cancelled, or the identity platform unreachable
 * @param message what it means
 * @param fix what to do when it failed, or null
 * @param token the delegated token when signed in, else null ({@link AccessToken#toString()} hides it)
 * @param detail the identity platform's own error text, cleaned for display; empty on success
 * @param storeNotice where "remember me" put the tokens, or why it could not; null when not asked
 */
public record DelegatedResult(Status status, Message message, Message fix, AccessToken token, String detail,
                              Message storeNotice) {

    /** How the sign-in ended. */
    public enum Status { SIGNED_IN, REFUSED, TIMED_OUT, CANCELLED, UNREACHABLE }

    public DelegatedResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? "" : detail;
    }

    static DelegatedResult ended(Status status, Message message) {
        return new DelegatedResult(status, message, null, null, "", null);
    }
}
