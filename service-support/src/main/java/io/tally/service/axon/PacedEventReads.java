package io.tally.service.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The event storage engine, with the reads of the event stream (what the tracking processors
 * consume) spaced at least {@code interval} apart on each thread.
 * <p>
 * Axon's embedded event store has one thread that reads new events for all the processors at
 * the head of the stream, and it reads again as soon as a read brought anything: under a steady
 * load that is one query (and one read transaction) per committed write, each bringing one or two
 * events. Spacing its reads lets the events of that interval arrive in one query, at the price of
 * the processors seeing them up to {@code interval} later. A read after a quiet spell is not
 * delayed. Appends, aggregate and snapshot reads and tokens pass straight through.
 */
public final class PacedEventReads implements EventStorageEngine {

    /** How a thread waits; {@link Thread#sleep} outside tests. */
    @FunctionalInterface
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private final EventStorageEngine delegate;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Pause pause;
    private final ThreadLocal<Long> lastRead = new ThreadLocal<>();

    public PacedEventReads(EventStorageEngine delegate, Duration interval) {
        this(delegate, interval, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    PacedEventReads(EventStorageEngine delegate, Duration interval, LongSupplier clock, Pause pause) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        awaitTurn();
        return delegate.readEvents(trackingToken, mayBlock);
    }

    /** Waits until {@code interval} has passed since this thread's last read began. */
    private void awaitTurn() {
        Long last = lastRead.get();
        long now = clock.getAsLong();
        if (last != null && now - last < intervalNanos) {
            try {
                pause.nanos(intervalNanos - (now - last));
            } catch (InterruptedException e) {
                // Shutting down: read now and leave the flag for the caller to see.
                Thread.currentThread().interrupt();
            }
            now = clock.getAsLong();
        }
        lastRead.set(now);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
