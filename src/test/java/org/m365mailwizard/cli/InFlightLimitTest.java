// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The batch's in-flight limit: grows while every question is answered in time, halves on a loss, within bounds. */
class InFlightLimitTest {

    private final AtomicLong lost = new AtomicLong();

    private static void endDomains(InFlightLimit limit, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            limit.acquire();
            limit.release();
        }
    }

    @Test
    void startsAtSixtyFourAndGrowsByOnePerCleanDomainUpToTheCeiling() throws Exception {
        InFlightLimit limit = new InFlightLimit(256, lost::get);
        assertThat(limit.limit()).isEqualTo(InFlightLimit.START);

        endDomains(limit, 100);
        assertThat(limit.limit()).isEqualTo(164);
        endDomains(limit, 1000);
        assertThat(limit.limit()).isEqualTo(256);
    }

    @Test
    void aLowerCeilingIsNeverExceeded() throws Exception {
        InFlightLimit limit = new InFlightLimit(8, lost::get);
        assertThat(limit.limit()).isEqualTo(8);
        endDomains(limit, 100);
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void anUnansweredSendHalvesTheLimitOncePerRoundThenGrowthIsSlow() throws Exception {
        InFlightLimit limit = new InFlightLimit(256, lost::get);
        endDomains(limit, 36); // 100
        lost.addAndGet(5);
        endDomains(limit, 1);
        assertThat(limit.limit()).isEqualTo(50);

        lost.addAndGet(5); // more of the same burst, within the round: no second halving
        endDomains(limit, 1);
        assertThat(limit.limit()).isEqualTo(50);

        endDomains(limit, 60); // after a loss: one more per round of 50, not one per domain
        assertThat(limit.limit()).isEqualTo(51);

        lost.incrementAndGet(); // a loss in a later round halves again
        endDomains(limit, 1);
        assertThat(limit.limit()).isEqualTo(25);
    }

    @Test
    void lossesNeverTakeItBelowOne() throws Exception {
        InFlightLimit limit = new InFlightLimit(256, lost::get);
        for (int i = 0; i < 20; i++) {
            lost.incrementAndGet();
            endDomains(limit, 64);
        }
        assertThat(limit.limit()).isGreaterThanOrEqualTo(1).isLessThan(InFlightLimit.START);
    }

    @Test
    void withoutASignalItStaysAtItsStart() throws Exception {
        InFlightLimit limit = new InFlightLimit(256, null);
        endDomains(limit, 500);
        assertThat(limit.limit()).isEqualTo(InFlightLimit.START);
    }
}
