// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.graph.Sleeper;

/** A clock that only moves when the code under test sleeps: waits are asserted, never waited. */
public final class FakeTime extends Clock implements Sleeper {

    private volatile Instant now;
    private final ZoneId zone;
    public final List<Duration> slept = new CopyOnWriteArrayList<>();
    /** Called at each sleep, e.g. to cancel in the middle of a wait. */
    public volatile Runnable onSleep = () -> { };

    public FakeTime(Instant start) {
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
