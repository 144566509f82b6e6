package io.tally.service.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PacedEventReadsTest {

    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Long> pauses = new ArrayList<>();
    private final RecordingEngine engine = new RecordingEngine();
    private final PacedEventReads paced = new PacedEventReads(engine, Duration.ofMillis(10), now::get, nanos -> {
        pauses.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void aReadAfterAQuietSpellIsNotDelayed() {
        paced.readEvents(new GlobalSequenceTrackingToken(1), false);
        now.addAndGet(50 * MS);
        paced.readEvents(new GlobalSequenceTrackingToken(2), false);

        assertThat(pauses).isEmpty();
        assertThat(engine.calls).containsExactly("stream from 1", "stream from 2");
    }

    @Test
    void aReadSoonAfterTheLastWaitsForTheRestOfTheInterval() {
        paced.readEvents(new GlobalSequenceTrackingToken(1), false);
        now.addAndGet(3 * MS);
        paced.readEvents(new GlobalSequenceTrackingToken(2), false);
        paced.readEvents(new GlobalSequenceTrackingToken(3), false);

        assertThat(pauses).containsExactly(7 * MS, 10 * MS);
        assertThat(engine.calls).containsExactly("stream from 1", "stream from 2", "stream from 3");
    }

    @Test
    void eachThreadIsPacedOnItsOwn() throws InterruptedException {
        paced.readEvents(new GlobalSequenceTrackingToken(1), false);
        Thread other = new Thread(() -> paced.readEvents(new GlobalSequenceTrackingToken(9), false));
        other.start();
        other.join();

        assertThat(pauses).isEmpty();
        assertThat(engine.calls).containsExactly("stream from 1", "stream from 9");
    }

    @Test
    void anInterruptedWaitReadsAtOnceAndKeepsTheInterrupt() {
        PacedEventReads interrupted = new PacedEventReads(engine, Duration.ofMillis(10), now::get, nanos -> {
            throw new InterruptedException();
        });
        interrupted.readEvents(new GlobalSequenceTrackingToken(1), false);
        try {
            interrupted.readEvents(new GlobalSequenceTrackingToken(2), false);

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(engine.calls).containsExactly("stream from 1", "stream from 2");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everythingButTheEventStreamPassesStraightThroughWithoutWaiting() {
        paced.readEvents(new GlobalSequenceTrackingToken(1), false);
        DomainEventMessage<String> event = new GenericDomainEventMessage<>("Test", "a-1", 0, "payload");

        paced.appendEvents(List.of(GenericEventMessage.asEventMessage("appended")));
        paced.storeSnapshot(event);
        paced.readEvents("a-1");
        paced.readEvents("a-1", 4);
        paced.readSnapshot("a-1");
        paced.lastSequenceNumberFor("a-1");
        paced.createTailToken();
        paced.createHeadToken();
        paced.createTokenAt(Instant.EPOCH);

        assertThat(pauses).isEmpty();
        assertThat(engine.calls).containsExactly("stream from 1", "append 1", "snapshot a-1", "aggregate a-1 from 0",
                "aggregate a-1 from 4", "read snapshot a-1", "last sequence a-1", "tail", "head",
                "at 1970-01-01T00:00:00Z");
        assertThat(engine.appended.get()).singleElement().extracting(EventMessage::getPayload).isEqualTo("appended");
    }

    /** Writes down what it was asked. */
    private static final class RecordingEngine implements EventStorageEngine {

        final List<String> calls = new ArrayList<>();
        final AtomicReference<List<? extends EventMessage<?>>> appended = new AtomicReference<>();

        @Override
        public synchronized Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            calls.add("stream from " + ((GlobalSequenceTrackingToken) token).getGlobalIndex());
            return Stream.empty();
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            calls.add("append " + events.size());
            appended.set(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            calls.add("snapshot " + snapshot.getAggregateIdentifier());
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            calls.add("aggregate " + aggregateIdentifier + " from " + firstSequenceNumber);
            return DomainEventStream.empty();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            calls.add("read snapshot " + aggregateIdentifier);
            return Optional.empty();
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            calls.add("last sequence " + aggregateIdentifier);
            return Optional.empty();
        }

        @Override
        public TrackingToken createTailToken() {
            calls.add("tail");
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            calls.add("head");
            return null;
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            calls.add("at " + dateTime);
            return null;
        }
    }
}
