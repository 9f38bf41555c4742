// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * The client secret's expiry from the config ({@code clientSecretExpires}), judged against a warning
 * period the server's admin chooses. Same id and sentences as {@code check-app}'s expiry check, so a
 * report or a script reads both alike.
 */
public final class SecretExpiry {

    public static final int DEFAULT_WARN_DAYS = 30;

    private SecretExpiry() {
    }

    /** Days from {@code today} until the secret expires (negative once past), or empty when the date is unknown. */
    public static OptionalLong daysLeft(LocalDate expires, LocalDate today) {
        return expires == null ? OptionalLong.empty() : OptionalLong.of(ChronoUnit.DAYS.between(today, expires));
    }

    public static Finding finding(LocalDate expires, LocalDate today, int warnDays) {
        String id = AppCheckIds.SECRET_EXPIRY;
        if (expires == null) {
            return Finding.of(id, Status.WARN, "", List.of(), Message.of("app.expiry.unknown"))
                    .withNote(Message.of("app.expiry.unknown.fix"));
        }
        long days = ChronoUnit.DAYS.between(today, expires);
        List<String> found = List.of(expires.toString());
        String expected = "> " + today.plusDays(warnDays);
        if (days < 0) {
            return Finding.of(id, Status.FAIL, expected, found, Message.of("app.expiry.past", expires, -days))
                    .withNote(Message.of("app.expiry.past.fix"));
        }
        if (days <= warnDays) {
            return Finding.of(id, Status.WARN, expected, found, Message.of("app.expiry.soon", expires, days))
                    .withNote(Message.of("app.expiry.renew.fix"));
        }
        return Finding.of(id, Status.PASS, expected, found, Message.of("app.expiry.ok", expires, days));
    }
}
