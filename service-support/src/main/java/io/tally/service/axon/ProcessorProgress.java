package io.tally.service.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each event-store processor is behind the head of the event store: a gauge
 * {@code tally.processor.behind} (events) per processor, and a progress line every few seconds
 * while a processor replays (after a reset), so a rebuild of a large read model is visible. Counted over the
 * segments this instance holds, from the one furthest behind; an instance that holds none reports 0.
 */
@Component
public class ProcessorProgress {

    /** The gauge's name; its tag {@code processor} names the processor. */
    public static final String BEHIND = "tally.processor.behind";

    private static final Logger log = LoggerFactory.getLogger(ProcessorProgress.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Set<String> kafkaProcessors;
    private final Map<String, Long> behind = new ConcurrentHashMap<>();

    public ProcessorProgress(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry registry,
                             ObjectProvider<EventProcessors> declared) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
        this.kafkaProcessors = EventProcessors.merged(declared.orderedStream().toList()).consumingKafka();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges() {
        processing.eventProcessors().keySet().stream()
                .filter(this::readsTheEventStore)
                .forEach(name -> Gauge
                        .builder(BEHIND, behind, values -> values.getOrDefault(name, 0L))
                        .description("Events in the event store that the processor has not handled yet")
                        .tag("processor", name)
                        .register(registry));
    }

    /** Kafka-fed processors count offsets, not event store positions. */
    private boolean readsTheEventStore(String processorName) {
        return !kafkaProcessors.contains(processorName);
    }

    @Scheduled(fixedDelayString = "${tally.processor-progress.interval:PT5S}")
    public void report() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry", Long.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming) || !readsTheEventStore(name)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            if (segments.isEmpty()) {
                // Another instance holds every segment (SegmentShares), and its gauge tells.
                behind.put(name, 0L);
                return;
            }
            long handled = segments.values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                    .min().orElse(-1);
            behind.put(name, Math.max(0, head - handled));
            if (segments.values().stream().anyMatch(EventTrackerStatus::isReplaying) && head > 0) {
                log.info("{} replaying: event {} of {} ({}%)", name, handled + 1, head + 1,
                        Math.round(100.0 * (handled + 1) / (head + 1)));
            }
        });
    }
}
