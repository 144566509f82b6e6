package io.tally.systemtests.replay;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code tally.ledger.events} from offset 0 to the end it had when the reading began, as a consumer outside
 * Tally would: the CloudEvents SDK's deserializer for the binary-mode envelope, every partition assigned by hand
 * (no consumer group, nothing committed), each record handed to a {@link LedgerReplay}.
 */
public final class LedgerTopic {

    public static final String TOPIC = "tally.ledger.events";

    private LedgerTopic() {
    }

    /** The replay of every record on the topic now; fails when the topic cannot be read within {@code timeout}. */
    public static LedgerReplay replay(String bootstrapServers, Duration timeout) {
        LedgerReplay replay = new LedgerReplay();
        read(bootstrapServers, TOPIC, timeout, record -> replay.apply(record.value()));
        return replay;
    }

    /**
     * Hands each record of {@code topic} (any of Tally's topics) from offset 0 to the end it had when the reading
     * began to {@code each}, duplicates and all; fails when the topic cannot be read within {@code timeout}.
     */
    public static void read(String bootstrapServers, String topic, Duration timeout,
                            Consumer<ConsumerRecord<String, CloudEvent>> each) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "tally-topic-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("No topic " + topic + " on " + bootstrapServers);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Did not reach the end offsets " + end + " within " + timeout);
                }
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }
}
