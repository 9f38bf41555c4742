// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up an enum constant by the identifier people type on the command line and in the config file
 * (e.g. {@code usgov-dod}, {@code wp-mail-smtp}): surrounding blanks and letter case do not matter.
 */
public final class EnumIds {

    private EnumIds() {
    }

    public static <E extends Enum<E>> Optional<E> byId(E[] values, Function<E, String> idOf, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (idOf.apply(value).equals(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
