package io.tally.testsupport;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus an offset that a test may move forward. */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /**
     * A new clock that Axon uses too: aggregates read their time from
     * {@code GenericEventMessage.clock}, so the service's clock and theirs move together.
     */
    public static MovableClock sharedWithAggregates() {
        MovableClock clock = new MovableClock();
        GenericEventMessage.clock = clock;
        return clock;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
