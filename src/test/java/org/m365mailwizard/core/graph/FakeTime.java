// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the code under test sleeps: waits are asserted, never waited. */
final class FakeTime extends Clock implements Sleeper {

    private volatile Instant now;
    private final ZoneId zone;
    final List<Duration> slept = new CopyOnWriteArrayList<>();
    /** Called at each sleep, e.g. to cancel in the middle of a wait. */
    volatile Runnable onSleep = () -> { };

    FakeTime(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private FakeTime(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public boolean sleep(Duration duration, Cancellation cancellation) {
        slept.add(duration);
        onSleep.run();
        now = now.plus(duration);
        return !cancellation.isCancelled();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new FakeTime(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
