package io.tally.service.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.contracts.auth.SessionsRevokedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows {@code tally.auth.events} and records every {@link SessionsRevokedEvent} in {@link RevokedSessions}, as the
 * gateway does. It keeps no position of its own: at start it reads back as far as a revocation can still matter (the
 * token lifetime and skew), and is caught up once it has read everything that was on the topic when it started. A
 * failure starts it over from there, and it is not caught up again until it has read that far.
 */
final class RevocationFeed implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final String TYPE_HEADER = "ce_type";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final String clientId;
    private final RevokedSessions revokedSessions;
    private final Clock clock;
    private final String revokedType = EventCatalog.typeOf(SessionsRevokedEvent.class);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Object progress = new Object();
    private final AtomicLong unreadable = new AtomicLong();

    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;

    RevocationFeed(String bootstrapServers, String clientId, RevokedSessions revokedSessions, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.revokedSessions = revokedSessions;
        this.clock = clock;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    long unreadable() {
        return unreadable.get();
    }

    /** Waits until the feed is caught up or {@code timeout} passed; answers whether it is caught up. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!caughtUp) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Follows the topic until stopped; a failure starts it over from the relevant start, not caught up meanwhile. */
    @Override
    public void run() {
        while (running) {
            try {
                follow();
            } catch (WakeupException stopping) {
                if (running) {
                    log.warn("Revocation feed woken up while running; starting over");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                markCaughtUp(false);
                log.error("Revocation feed failed; starting over in {}", TOPIC_RETRY, failure);
                try {
                    Thread.sleep(TOPIC_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void follow() throws InterruptedException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
            consumer = kafka;
            if (!running) {
                return;
            }
            Map<TopicPartition, Long> catchUpTo = assignFromRelevantStart(kafka);
            long nextForget = System.nanoTime() + FORGET_EVERY.toNanos();
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    accept(record);
                }
                if (!caughtUp && catchUpTo.entrySet().stream()
                        .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                    markCaughtUp(true);
                    log.info("Revocations caught up: {} subjects' earlier tokens refused", revokedSessions.size());
                }
                if (System.nanoTime() > nextForget) {
                    revokedSessions.forgetExpired();
                    nextForget = System.nanoTime() + FORGET_EVERY.toNanos();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void markCaughtUp(boolean value) {
        synchronized (progress) {
            caughtUp = value;
            progress.notifyAll();
        }
    }

    /** Waits for the topic (every service creates it at start-up), then starts where revocations begin to matter. */
    private Map<TopicPartition, Long> assignFromRelevantStart(KafkaConsumer<String, String> kafka)
            throws InterruptedException {
        List<PartitionInfo> partitions = kafka.partitionsFor(Topics.AUTH_EVENTS);
        while (partitions == null || partitions.isEmpty()) {
            if (!running) {
                throw new WakeupException();
            }
            log.info("Waiting for topic {}", Topics.AUTH_EVENTS);
            Thread.sleep(TOPIC_RETRY.toMillis());
            partitions = kafka.partitionsFor(Topics.AUTH_EVENTS);
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        kafka.assign(assigned);
        long from = clock.instant().minus(revokedSessions.relevance()).toEpochMilli();
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        assigned.forEach(partition -> timestamps.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(timestamps);
        Map<TopicPartition, Long> ends = kafka.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndTimestamp start = starts.get(partition);
            kafka.seek(partition, start != null ? start.offset() : ends.get(partition));
        }
        return ends;
    }

    private void accept(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(TYPE_HEADER);
        if (type == null || !revokedType.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        try {
            SessionsRevokedEvent revoked = json.readValue(record.value(), SessionsRevokedEvent.class);
            revokedSessions.revoke(revoked.subject(), revoked.notBefore());
        } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
            log.error("Unreadable {} at {}-{}@{}: {}", revokedType, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
