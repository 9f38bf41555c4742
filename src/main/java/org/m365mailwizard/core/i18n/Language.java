// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks. Both bundles are complete; a test keeps them so. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag accepted by {@code --lang} and stored in the preferences, e.g. {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Accepts {@code en}, {@code zh-CN}, {@code zh_CN}, {@code zh} (any case). */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String normalised = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "en", "en-us", "en-gb" -> Optional.of(ENGLISH);
            case "zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg" -> Optional.of(SIMPLIFIED_CHINESE);
            default -> Optional.empty();
        };
    }

    /** Chinese for a Chinese system locale (Taiwan and Hong Kong included: better than English), else English. */
    public static Language of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
