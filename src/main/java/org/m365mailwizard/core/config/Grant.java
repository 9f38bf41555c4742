// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.util.Locale;
import java.util.Optional;

/** How the site obtains its Graph token. */
public enum Grant {
    /** Client credentials with the application permission Mail.Send (server-side, no user). */
    APPLICATION,
    /** A user signs in once; the site sends with the delegated Mail.Send and a refresh token. */
    DELEGATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grant> fromId(String id) {
        return EnumIds.byId(values(), Grant::id, id);
    }
}
