package io.tally.auth.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads CloudEvents (binary mode) from the test's broker with a plain consumer, as another service would. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** One record: key, CloudEvents attributes and extensions (headers without the ce_ prefix), data. */
    public record Record(String key, Map<String, String> attributes, String data) {

        public String type() {
            return attributes.get("type");
        }

        /** Everything the record carries, to search for what must never be in it. */
        public String everything() {
            return key + " " + attributes + " " + data;
        }
    }

    /** Every record of the topic from its start, waiting until they are enough or 15 s pass. */
    public static List<Record> readUntil(String topic, Predicate<List<Record>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("tally.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> attributes = new HashMap<>();
                    for (Header header : record.headers()) {
                        String value = new String(header.value(), StandardCharsets.UTF_8);
                        if (header.key().startsWith("ce_")) {
                            attributes.put(header.key().substring(3), value);
                        }
                    }
                    records.add(new Record(record.key(), attributes, record.value()));
                }
                if (enough.test(records)) {
                    break;
                }
            }
        }
        return records;
    }
}
