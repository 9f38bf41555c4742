// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The client secret this run added. Graph shows its text once; it goes straight into the setup and
 * is never logged: {@link #toString()} masks it.
 */
public record NewSecret(String keyId, String text, LocalDate expires) {

    public NewSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(text, "text");
    }

    /** The first three characters (Graph's own "hint") and dots: enough to recognise, useless to misuse. */
    public String masked() {
        return (text.length() > 3 ? text.substring(0, 3) : "") + "••••••••";
    }

    @Override
    public String toString() {
        return "NewSecret[keyId=" + keyId + ", text=" + masked() + ", expires=" + expires + "]";
    }
}
