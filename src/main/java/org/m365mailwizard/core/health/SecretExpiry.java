// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.check.Finding;

/**
 * The client secret's expiry from the config ({@code clientSecretExpires}), judged against a warning
 * period the server's admin chooses: {@code check-app}'s expiry check with another warning period, so
 * a report or a script reads both alike.
 */
public final class SecretExpiry {

    public static final int DEFAULT_WARN_DAYS = AppInputValidator.EXPIRY_WARNING_DAYS;

    private SecretExpiry() {
    }

    /** Days from {@code today} until the secret expires (negative once past), or empty when the date is unknown. */
    public static OptionalLong daysLeft(LocalDate expires, LocalDate today) {
        return expires == null ? OptionalLong.empty() : OptionalLong.of(ChronoUnit.DAYS.between(today, expires));
    }

    public static Finding finding(LocalDate expires, LocalDate today, int warnDays) {
        return AppInputValidator.expiry(expires, today, warnDays);
    }
}
