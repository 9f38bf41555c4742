// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/**
 * How an admin-consent trip ended.
 *
 * @param status granted, refused, timed out or cancelled
 * @param message what it means
 * @param fix what to do when it failed, or null
 * @param tenant the tenant the answer named (shown only; never used to decide anything)
 * @param detail the identity platform's own error text, cleaned for display; empty on success
 */
public record AdminConsentResult(Status status, Message message, Message fix, String tenant, String detail) {

    /** How the trip ended. */
    public enum Status { GRANTED, REFUSED, TIMED_OUT, CANCELLED }

    public AdminConsentResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        tenant = tenant == null ? "" : tenant;
        detail = detail == null ? "" : detail;
    }

    static AdminConsentResult ended(Status status, Message message) {
        return new AdminConsentResult(status, message, null, "", "");
    }
}
