package io.tally.service.security;

import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.contracts.auth.SessionsRevokedEvent;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed on a real (in-process) broker: caught up only once it read what the topic held, then following it. */
class RevocationFeedTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private EmbeddedKafkaKraftBroker broker;
    private RevocationFeed feed;
    private Thread thread;
    private final RevokedSessions revokedSessions = new RevokedSessions(Duration.ofMinutes(15), Clock.systemUTC());

    @BeforeEach
    void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        feed = new RevocationFeed(broker.getBrokersAsString(), "test-revocations", revokedSessions, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (thread != null) {
            feed.stop();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("the feed stops when asked").isFalse();
        }
        broker.destroy();
    }

    private void startFeed() {
        thread = new Thread(feed, "revocation-feed-test");
        thread.setDaemon(true);
        thread.start();
    }

    @Test
    void isNotCaughtUpUntilTheTopicExistsAndItsEndIsRead() throws Exception {
        startFeed();

        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(2))).isFalse();
        assertThat(feed.caughtUp()).isFalse();

        createTopic();
        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void readsBackAsFarAsARevocationMattersAndFollowsWhatComesAfter() throws Exception {
        createTopic();
        long longAgo = NOW.minus(revokedSessions.relevance()).minus(Duration.ofMinutes(5)).toEpochMilli();
        // Read, it would be refused; but it lies before where revocations begin to matter.
        publishRevoked("forgotten", NOW, longAgo);
        publishRevoked("alice", NOW, NOW.toEpochMilli());
        publish("io.tally.auth.LoginLocked.v1", "carol", "{\"accountId\":\"carol\"}", NOW.toEpochMilli());
        publish(EventCatalog.typeOf(SessionsRevokedEvent.class), "dave", "{not json", NOW.toEpochMilli());

        startFeed();

        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(revokedSessions.refuses("alice", NOW.minusSeconds(1))).isTrue();
        assertThat(revokedSessions.refuses("alice", NOW)).isFalse();
        assertThat(revokedSessions.refuses("forgotten", NOW.minusSeconds(1))).isFalse();
        assertThat(revokedSessions.refuses("carol", NOW.minusSeconds(1))).isFalse();
        assertThat(feed.unreadable()).isEqualTo(1);

        publishRevoked("erin", NOW.plusSeconds(1), System.currentTimeMillis());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!revokedSessions.refuses("erin", NOW) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(revokedSessions.refuses("erin", NOW)).isTrue();
        assertThat(feed.caughtUp()).isTrue();
    }

    /** As auth-service publishes it, with the record's time {@code timestamp}. */
    private void publishRevoked(String subject, Instant notBefore, long timestamp) {
        publish(EventCatalog.typeOf(SessionsRevokedEvent.class), subject, "{\"subject\":\"" + subject
                + "\",\"platformId\":null,\"notBefore\":\"" + notBefore + "\",\"reason\":\"LOGOUT\"}", timestamp);
    }

    private void publish(String type, String key, String json, long timestamp) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AUTH_EVENTS, null, timestamp, key,
                    json);
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish", e);
        }
    }

    private void createTopic() throws Exception {
        try (AdminClient admin = AdminClient.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(Topics.AUTH_EVENTS, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
