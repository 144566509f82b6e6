package io.tally.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes CloudEvents (binary mode) on the test's broker, as another service would. */
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

    private static String bootstrap() {
        return System.getProperty("tally.kafka.bootstrap-servers");
    }

    /** Every record of the topic from its start, waiting until one matches or 15 s pass. */
    public static List<Record> readUntil(String topic, Predicate<List<Record>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
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
                        } else if (header.key().equals("content-type")) {
                            attributes.put("datacontenttype", value);
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

    /** Publishes one event the way the Kafka extension does: binary-mode CloudEvent, JSON data. */
    public static void publish(String topic, String key, String type, String json, Map<String, String> extensions) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            Map<String, String> headers = new HashMap<>(extensions);
            headers.put("specversion", "1.0");
            headers.put("id", UUID.randomUUID().toString());
            headers.put("type", type);
            headers.put("source", "urn:tally:auth-service");
            headers.put("time", java.time.OffsetDateTime.now().toString());
            headers.forEach((name, value) -> record.headers().add("ce_" + name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
