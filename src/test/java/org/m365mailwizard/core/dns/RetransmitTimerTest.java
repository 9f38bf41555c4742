// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a question is sent again: after about one of the server's round trips, backing off, within bounds. */
class RetransmitTimerTest {

    private static final long MS = 1_000_000L;

    @Test
    void beforeAnyAnswerWaitsTheInitialSecondWithinTheMaximum() {
        assertThat(new RetransmitTimer(Duration.ofSeconds(2)).waitNanos(0)).isEqualTo(1000 * MS);
        assertThat(new RetransmitTimer(Duration.ofMillis(400)).waitNanos(0)).isEqualTo(400 * MS);
    }

    @Test
    void steadyFastAnswersBringTheWaitDownToTheFloor() {
        RetransmitTimer timer = new RetransmitTimer(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            timer.answered(50 * MS);
        }
        assertThat(timer.waitNanos(0)).isEqualTo(RetransmitTimer.MIN.toNanos());
    }

    @Test
    void steadySlowAnswersWaitTwiceTheirTimeNotJustAboveIt() {
        RetransmitTimer timer = new RetransmitTimer(Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            timer.answered(300 * MS);
        }
        assertThat(timer.waitNanos(0)).isEqualTo(600 * MS);
    }

    @Test
    void slowAndUnevenAnswersWaitLongerThanTheirAverage() {
        RetransmitTimer timer = new RetransmitTimer(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            timer.answered((i % 2 == 0 ? 100 : 500) * MS);
        }
        assertThat(timer.waitNanos(0)).isGreaterThan(500 * MS).isLessThan(2000 * MS);
    }

    @Test
    void eachFurtherSendWaitsTwiceAsLongUpToTheMaximum() {
        RetransmitTimer timer = new RetransmitTimer(Duration.ofSeconds(2));
        timer.answered(150 * MS);
        long first = timer.waitNanos(0);
        assertThat(timer.waitNanos(1)).isEqualTo(2 * first);
        assertThat(timer.waitNanos(5)).isEqualTo(2000 * MS);
    }
}
