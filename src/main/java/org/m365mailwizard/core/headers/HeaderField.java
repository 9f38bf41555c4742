// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.Locale;
import java.util.Objects;

/**
 * One header field, unfolded, in the order it stood (index 0 is the topmost, the last added).
 * The value has its control characters already made visible ({@link Visible}).
 */
public record HeaderField(int index, String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public boolean is(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
