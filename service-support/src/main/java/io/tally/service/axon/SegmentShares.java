package io.tally.service.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares each tracking processor's segments fairly between the instances of a service. Axon lets whichever instance
 * asks first claim every unclaimed segment, so the first instance up would keep all the work and a second would only
 * stand by. Every {@code tally.processors.share-interval} (5 s) each instance notes in processor_instances that it
 * lives, counts the instances seen within two intervals, and releases the segments it holds beyond its share (the
 * segments divided by the instances, rounded up); another instance claims them at its next claim round, and the one
 * that released them does not ask for them again for two rounds. An instance that stops leaves at once; one that dies
 * is counted until its note is two intervals old, and its claims lapse after {@link
 * EventStoreConfiguration#CLAIM_TIMEOUT}, after which the others claim them. The segments this instance holds are the
 * gauge {@code tally.processor.segments} per processor. It turns Spring's scheduling on for every service, whose
 * application class may not.
 */
@Component
@EnableScheduling
public class SegmentShares {

    public static final String SEGMENTS = "tally.processor.segments";

    private static final Logger log = LoggerFactory.getLogger(SegmentShares.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Duration interval;
    private final String node;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    public SegmentShares(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry registry,
                         InstanceNode node, @Value("${tally.processors.share-interval:PT5S}") Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
        this.interval = interval;
        this.node = node.id();
    }

    /** The segments one instance may hold when {@code instances} share {@code segments}. */
    static int share(int segments, int instances) {
        int sharing = Math.max(1, instances);
        return (segments + sharing - 1) / sharing;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges() {
        streaming(false).forEach((name, processor) -> Gauge
                .builder(SEGMENTS, held, values -> values.getOrDefault(name, 0))
                .description("The processor's segments this instance holds")
                .tag("processor", name)
                .register(registry));
    }

    @Scheduled(initialDelayString = "${tally.processors.share-interval:PT5S}",
            fixedDelayString = "${tally.processors.share-interval:PT5S}")
    public void share() {
        try {
            shareNow();
        } catch (DataAccessException unavailable) {
            log.warn("The segments cannot be shared while the database does not answer: {}", unavailable.toString());
        }
    }

    private void shareNow() {
        jdbc.update("""
                INSERT INTO processor_instances (node_id, seen_at) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET seen_at = now()""", node);
        Integer instances = jdbc.queryForObject(
                "SELECT count(*) FROM processor_instances WHERE seen_at > now() - make_interval(secs => ?)",
                Integer.class, 2.0 * interval.toMillis() / 1000);
        streaming(true).forEach((name, processor) -> {
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder())
                    .toList();
            Integer segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                    Integer.class, name);
            int share = share(segments == null ? 0 : segments, instances == null ? 1 : instances);
            List<Integer> extra = mine.subList(0, Math.max(0, mine.size() - share));
            if (!extra.isEmpty()) {
                log.info("{}: {} instances share {} segments, {} each at most: releasing segments {}", name,
                        instances, segments, share, extra);
                extra.forEach(processor::releaseSegment);
            }
            held.put(name, mine.size() - extra.size());
        });
        jdbc.update("DELETE FROM processor_instances WHERE seen_at < now() - interval '1 hour'");
    }

    /** Leaves the instances that share the work, so that the others take their shares at once. */
    @PreDestroy
    public void leave() {
        try {
            jdbc.update("DELETE FROM processor_instances WHERE node_id = ?", node);
        } catch (DataAccessException unavailable) {
            log.warn("This instance could not leave processor_instances; it drops out of the count within {}",
                    interval.multipliedBy(2));
        }
    }

    private Map<String, StreamingEventProcessor> streaming(boolean runningOnly) {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor stream && (processor.isRunning() || !runningOnly)) {
                streaming.put(name, stream);
            }
        });
        return streaming;
    }
}
