// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.auth.AadFailure;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.AdminConsent;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * Proves admin consent with a token: asks for a new client-credentials token until its {@code roles}
 * hold {@code Mail.Send}. A fresh consent can take minutes to reach the token service, so the check
 * retries on a bounded plan, publishing when the next attempt is due (for a countdown), and stops
 * early on cancel or on a refusal that waiting will not fix (a wrong secret, an unknown app).
 */
public final class MailSendRoleCheck {

    /** The permission server-side sending needs. */
    public static final String MAIL_SEND = "Mail.Send";

    /**
     * The waits before each attempt.
     *
     * @param waits the first is usually zero; their count is the number of attempts
     */
    public record Plan(List<Duration> waits) {
        public Plan {
            waits = List.copyOf(waits);
            if (waits.isEmpty()) {
                throw new IllegalArgumentException("at least one attempt");
            }
        }

        /** About four and a half minutes in seven attempts, the later ones a minute apart. */
        public static Plan standard() {
            return new Plan(List.of(Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(30),
                    Duration.ofSeconds(45), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        }
    }

    /** Where the check is, for a progress display read from another thread. */
    public static final class Progress {
        private volatile int attempt;
        private volatile int attempts;
        private volatile Instant nextAttemptAt;

        /** The attempt under way or next (1-based); 0 before the first. */
        public int attempt() {
            return attempt;
        }

        public int attempts() {
            return attempts;
        }

        /** When the next attempt starts, or null while one is running. */
        public Instant nextAttemptAt() {
            return nextAttemptAt;
        }
    }

    /**
     * The outcome.
     *
     * @param status proven, still missing after every attempt, refused, cancelled
     * @param token the last token obtained (roles and tenant shown to the user), or null
     * @param message what it means
     * @param fix what to do when the identity platform refused, or null
     * @param attempts how many token requests were made
     */
    public record Result(Status status, AccessToken token, Message message, Message fix, int attempts) {
        /** How the check ended. */
        public enum Status { PROVEN, MISSING, REFUSED, CANCELLED }

        public Result {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }
    }

    private final ApplicationTokenSource tokens;
    private final Clock clock;

    /** Whether the token's {@code roles} hold Mail.Send (an application permission, consented). */
    public static boolean carriesMailSend(AccessToken token) {
        return token.roles().stream().anyMatch(MAIL_SEND::equalsIgnoreCase);
    }

    /**
     * Refuses an app-only token without Mail.Send before anything is sent, with the finding
     * {@code check-app} gives (and the tenant's admin-consent link): Graph would only answer with a
     * bare 401 or 403 that names neither cause nor fix.
     *
     * @throws ProblemException exit code 1 (Microsoft's side refuses), with the fix
     */
    public static void requireMailSend(MailConfig config, AccessToken token) throws ProblemException {
        if (!carriesMailSend(token)) {
            throw new ProblemException(Message.of("app.mailSend.missing"), AdminConsent.mailSendMissingFix(config),
                    ExitCode.CHECK_FAILED, null);
        }
    }

    public MailSendRoleCheck(ApplicationTokenSource tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Runs the plan; blocks while it waits. */
    public Result run(MailConfig config, Plan plan, Progress progress, Cancellation cancellation) {
        progress.attempts = plan.waits().size();
        AccessToken last = null;
        int made = 0;
        for (Duration wait : plan.waits()) {
            if (!wait.isZero()) {
                progress.nextAttemptAt = clock.instant().plus(wait);
                if (!cancellation.sleep(wait)) {
                    return new Result(Result.Status.CANCELLED, last, Message.of("consent.role.cancelled"), null, made);
                }
            }
            if (cancellation.isCancelled()) {
                return new Result(Result.Status.CANCELLED, last, Message.of("consent.role.cancelled"), null, made);
            }
            progress.nextAttemptAt = null;
            progress.attempt = ++made;
            try {
                last = tokens.acquireFresh(config);
            } catch (ProblemException e) {
                return new Result(Result.Status.REFUSED, last, e.problem(),
                        e instanceof AadFailure refusal ? refusal.fix() : null, made);
            }
            if (carriesMailSend(last)) {
                return new Result(Result.Status.PROVEN, last,
                        Message.of("consent.role.proven", String.join(", ", last.roles())), null, made);
            }
        }
        String roles = last == null || last.roles().isEmpty() ? "-" : String.join(", ", last.roles());
        return new Result(Result.Status.MISSING, last, Message.of("consent.role.missing", made, roles), null, made);
    }
}
