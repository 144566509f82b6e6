package io.tally.tokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows {@code tally.auth.events} on a thread of its own and records every {@link SessionsRevokedEvent} in
 * {@link RevokedSessions}. It keeps no position of its own: at start it reads back as far as a revocation can still
 * matter (the token lifetime and skew), and is caught up once it has read everything that was on the topic when it
 * started. A failure starts it over from there, and it is not caught up again until it has read that far. Only the
 * record's CloudEvents type makes it a revocation; one that cannot be read is counted and logged, never guessed at.
 *
 * <p>Meters, under the {@link TokenMeters} prefix: {@code revocations.active}, the subjects whose earlier tokens are
 * refused, and {@code revocations.unreadable}.
 */
public final class RevocationFeed {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final String TYPE_HEADER = "ce_type";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final String clientId;
    private final RevokedSessions revokedSessions;
    private final InstantSource clock;
    private final String revokedType = EventCatalog.typeOf(SessionsRevokedEvent.class);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Object progress = new Object();
    private final AtomicLong unreadable = new AtomicLong();

    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /**
     * A feed reading as the Kafka client {@code clientId}, which names the gateway or the service to the broker, with
     * the credentials the broker asks for ({@link KafkaClientSecurity#clientProperties()}).
     */
    public RevocationFeed(String bootstrapServers, KafkaClientSecurity security, String clientId,
                          RevokedSessions revokedSessions, InstantSource clock, TokenMeters meters) {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = security.clientProperties();
        this.clientId = clientId;
        this.revokedSessions = revokedSessions;
        this.clock = clock;
        Gauge.builder(meters.name("revocations.active"), revokedSessions, RevokedSessions::size)
                .description("Subjects whose tokens issued before a revocation are still being refused")
                .register(meters.registry());
        FunctionCounter.builder(meters.name("revocations.unreadable"), this, RevocationFeed::unreadable)
                .description("SessionsRevoked records that could not be read")
                .register(meters.registry());
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public long unreadable() {
        return unreadable.get();
    }

    /** Waits until the feed is caught up or {@code timeout} passed; answers whether it is caught up. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
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

    /** Starts following the topic on a daemon thread, {@code revocation-feed}; a feed is started once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("The revocation feed has been started already");
        }
        thread = new Thread(this::followUntilStopped, "revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops following and waits a few seconds for the feed's thread to end. */
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread following = following();
        if (following != null) {
            try {
                following.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the feed's thread is alive: started and not yet ended. */
    public boolean isRunning() {
        Thread following = following();
        return following != null && following.isAlive();
    }

    private synchronized Thread following() {
        return thread;
    }

    /** Follows the topic until stopped; a failure starts it over from the relevant start, not caught up meanwhile. */
    private void followUntilStopped() {
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
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
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

    /** Waits for the topic (auth-service and the services create it), then starts where revocations begin to matter. */
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
