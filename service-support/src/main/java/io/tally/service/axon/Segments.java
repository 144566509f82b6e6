package io.tally.service.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How every tracking processor of a service runs: its events split into {@code tally.processors.segments} segments
 * (2 unless set) by entity ({@link EntitySequencing}), each segment's position a token in the service's database that
 * one thread of one instance claims at a time. An instance runs as many threads as there are segments, so one
 * instance alone handles all of them; with several instances each keeps its fair share ({@link SegmentShares}). An
 * instance that stops releases its claims, and the others take them within {@code tally.processors.claim-interval}
 * (5 s); one that dies keeps them until the claim times out (10 s, {@link EventStoreConfiguration#CLAIM_TIMEOUT}), so
 * its work is taken over within 15 s. The segment count applies when a processor's tokens are first made: a
 * processor that has tokens keeps their count.
 */
public final class Segments {

    public static final String SEGMENTS = "tally.processors.segments";
    public static final String CLAIM_INTERVAL = "tally.processors.claim-interval";

    private Segments() {
    }

    public static int count(Environment environment) {
        int segments = environment.getProperty(SEGMENTS, Integer.class, 2);
        if (segments < 1) {
            throw new IllegalStateException(SEGMENTS + " must be at least 1, not " + segments);
        }
        return segments;
    }

    /** Registers a tracking processor's threads, segments, batch size and sequencing. */
    public static void configure(EventProcessingConfigurer processing, Environment environment, String processor,
                                 int batchSize) {
        int segments = count(environment);
        Duration claimInterval = environment.getProperty(CLAIM_INTERVAL, Duration.class, Duration.ofSeconds(5));
        processing.registerTrackingEventProcessorConfiguration(processor,
                configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize)
                        .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS));
        processing.registerSequencingPolicy(processor, configuration -> EntitySequencing.INSTANCE);
    }
}
