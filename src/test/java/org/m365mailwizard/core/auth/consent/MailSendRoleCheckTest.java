// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;

/** Proving admin consent with client-credentials tokens while consent propagates. */
class MailSendRoleCheckTest {

    private static final MailConfig CONFIG = MailConfig.builder().clientId("c").tenantId("t").clientSecret("s").build();
    private static final MailSendRoleCheck.Plan QUICK = new MailSendRoleCheck.Plan(
            List.of(Duration.ZERO, Duration.ofMillis(30), Duration.ofMillis(30)));

    /** Answers with the queued tokens (or refusals) in order, the last one repeated. */
    private static final class Tokens implements ApplicationTokenSource {
        private final Deque<Object> answers = new ArrayDeque<>();
        private int calls;

        Tokens then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public AccessToken acquireFresh(MailConfig config) throws ProblemException {
            calls++;
            Object next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (next instanceof ProblemException e) {
                throw e;
            }
            return (AccessToken) next;
        }
    }

    private static AccessToken token(String... roles) {
        return new AccessToken("eyJ.not.real", Instant.now().plusSeconds(3600), List.of(roles), List.of(), "t", null);
    }

    @Test
    void provenAtOnceWhenTheTokenAlreadyCarriesMailSend() {
        Tokens tokens = new Tokens().then(token("Mail.Send"));
        MailSendRoleCheck.Result result = new MailSendRoleCheck(tokens, Clock.systemUTC())
                .run(CONFIG, QUICK, new MailSendRoleCheck.Progress(), new Cancellation());

        assertThat(result.status()).isEqualTo(MailSendRoleCheck.Result.Status.PROVEN);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(ConsentFindings.appRole(result).status()).isEqualTo(Status.PASS);
    }

    @Test
    void waitsForPropagationAndPublishesWhenTheNextAttemptIsDue() {
        Tokens tokens = new Tokens().then(token()).then(token("User.Read.All")).then(token("Mail.Send", "User.Read.All"));
        MailSendRoleCheck.Progress progress = new MailSendRoleCheck.Progress();

        MailSendRoleCheck.Result result = new MailSendRoleCheck(tokens, Clock.systemUTC())
                .run(CONFIG, QUICK, progress, new Cancellation());

        assertThat(result.status()).isEqualTo(MailSendRoleCheck.Result.Status.PROVEN);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(progress.attempt()).isEqualTo(3);
        assertThat(progress.attempts()).isEqualTo(3);
        assertThat(result.message()).isEqualTo(Message.of("consent.role.proven", "Mail.Send, User.Read.All"));
    }

    @Test
    void stillMissingAfterEveryAttemptFailsWithTheRolesSeen() {
        Tokens tokens = new Tokens().then(token("User.Read.All"));
        MailSendRoleCheck.Result result = new MailSendRoleCheck(tokens, Clock.systemUTC())
                .run(CONFIG, QUICK, new MailSendRoleCheck.Progress(), new Cancellation());

        assertThat(result.status()).isEqualTo(MailSendRoleCheck.Result.Status.MISSING);
        assertThat(tokens.calls).as("bounded").isEqualTo(3);
        assertThat(result.message()).isEqualTo(Message.of("consent.role.missing", 3, "User.Read.All"));
        assertThat(ConsentFindings.appRole(result).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aRefusalStopsAtOnceBecauseWaitingWillNotFixIt() {
        ProblemException wrongSecret = ProblemException.refused("app.secret.wrong");
        Tokens tokens = new Tokens().then(wrongSecret);
        MailSendRoleCheck.Result result = new MailSendRoleCheck(tokens, Clock.systemUTC())
                .run(CONFIG, QUICK, new MailSendRoleCheck.Progress(), new Cancellation());

        assertThat(result.status()).isEqualTo(MailSendRoleCheck.Result.Status.REFUSED);
        assertThat(result.message().key()).isEqualTo("app.secret.wrong");
        assertThat(tokens.calls).isEqualTo(1);
        assertThat(wrongSecret.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    }

    @Test
    void cancelEndsTheWaitBetweenAttemptsPromptly() throws Exception {
        Tokens tokens = new Tokens().then(token());
        Cancellation cancellation = new Cancellation();
        MailSendRoleCheck.Progress progress = new MailSendRoleCheck.Progress();
        MailSendRoleCheck.Plan slow = new MailSendRoleCheck.Plan(List.of(Duration.ZERO, Duration.ofMinutes(1)));
        Instant before = Instant.now();

        CompletableFuture<MailSendRoleCheck.Result> running = CompletableFuture.supplyAsync(
                () -> new MailSendRoleCheck(tokens, Clock.systemUTC()).run(CONFIG, slow, progress, cancellation));
        while (progress.nextAttemptAt() == null) {
            Thread.sleep(5);
        }
        assertThat(progress.nextAttemptAt()).isAfter(before.plusSeconds(50));
        cancellation.cancel();

        MailSendRoleCheck.Result result = running.get(2, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(MailSendRoleCheck.Result.Status.CANCELLED);
        assertThat(tokens.calls).isEqualTo(1);
    }

    @Test
    void theStandardPlanIsBoundedToAFewMinutes() {
        List<Duration> waits = MailSendRoleCheck.Plan.standard().waits();
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waits.get(0)).isZero();
        assertThat(total).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(6));
    }
}
