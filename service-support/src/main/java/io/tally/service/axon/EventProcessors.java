package io.tally.service.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event processors, declared once in typed code by the slice whose handlers they run: each one's name (a constant
 * of that slice, the same string as its handlers' {@code @ProcessingGroup}), how it runs and what it reads — this
 * service's event store, or another service's topic on Kafka. service-support registers them with Axon, builds
 * one Kafka source per consumed topic and tells the progress gauges which processors count Kafka offsets.
 * A name is stored in the token store, so it never changes once deployed.
 */
public final class EventProcessors {

    public enum Mode {
        /** In the transaction of the command that stored the event: the read is current when the write answers. */
        SUBSCRIBING,
        /** In its own thread and transactions, from a stored position (a token). */
        TRACKING
    }

    /** One processor; {@code topic} is empty for one that reads this service's event store. */
    public record Processor(String name, Mode mode, Optional<String> topic, int batchSize) {

        public boolean consumesKafka() {
            return topic.isPresent();
        }
    }

    private final Map<String, Processor> byName;

    private EventProcessors(Map<String, Processor> byName) {
        this.byName = byName;
    }

    /** The processors of every slice in one plan; a name declared by two slices is refused. */
    public static EventProcessors merged(List<EventProcessors> declarations) {
        Builder all = builder();
        declarations.forEach(declaration -> declaration.all().forEach(all::add));
        return all.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Processor> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Processor> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The topics this service consumes. */
    public Set<String> consumedTopics() {
        return byName.values().stream().flatMap(processor -> processor.topic().stream())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The processors fed from Kafka, whose positions are offsets rather than event-store positions. */
    public Set<String> consumingKafka() {
        return byName.values().stream().filter(Processor::consumesKafka).map(Processor::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public static final class Builder {

        private final List<Processor> processors = new ArrayList<>();

        private Builder() {
        }

        /** Runs in the writing command's transaction. */
        public Builder subscribing(String name) {
            return add(new Processor(name, Mode.SUBSCRIBING, Optional.empty(), 1));
        }

        /** Tracks this service's event store, {@code batchSize} events per transaction. */
        public Builder tracking(String name, int batchSize) {
            return add(new Processor(name, Mode.TRACKING, Optional.empty(), batchSize));
        }

        /** Tracks another service's topic on Kafka, {@code batchSize} events per transaction. */
        public Builder consuming(String name, String topic, int batchSize) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("Processor " + name + " needs a topic");
            }
            return add(new Processor(name, Mode.TRACKING, Optional.of(topic), batchSize));
        }

        private Builder add(Processor processor) {
            if (processor.name() == null || processor.name().isBlank()) {
                throw new IllegalArgumentException("A processor needs a name");
            }
            if (processor.batchSize() < 1) {
                throw new IllegalArgumentException(
                        "Processor " + processor.name() + ": the batch size must be at least 1");
            }
            if (processors.stream().anyMatch(existing -> existing.name().equals(processor.name()))) {
                throw new IllegalArgumentException("Processor " + processor.name() + " is declared twice");
            }
            processors.add(processor);
            return this;
        }

        public EventProcessors build() {
            Map<String, Processor> byName = new LinkedHashMap<>();
            processors.forEach(processor -> byName.put(processor.name(), processor));
            return new EventProcessors(java.util.Collections.unmodifiableMap(byName));
        }
    }
}
