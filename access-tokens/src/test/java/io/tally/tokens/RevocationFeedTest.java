package io.tally.tokens;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The feed on a real (in-process) broker: caught up only once it read what the topic held when it started, then
 * following it; a feed started later reads back the same; only the type makes a record a revocation.
 */
class RevocationFeedTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private EmbeddedKafkaKraftBroker broker;
    private final List<RevocationFeed> started = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RevokedSessions revokedSessions = new RevokedSessions(LIFETIME, Clock.systemUTC());

    @BeforeEach
    void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        for (RevocationFeed feed : started) {
            feed.stop();
            assertThat(feed.isRunning()).as("the feed stops when asked").isFalse();
        }
        broker.destroy();
    }

    private RevocationFeed startFeed(RevokedSessions into, SimpleMeterRegistry registry) {
        return startFeed(into, registry, new KafkaClientSecurity(null, null, null, null));
    }

    private RevocationFeed startFeed(RevokedSessions into, SimpleMeterRegistry registry,
                                     KafkaClientSecurity security) {
        RevocationFeed feed = new RevocationFeed(broker.getBrokersAsString(), security, "test-revocations", into,
                Clock.systemUTC(), new TokenMeters(registry, "tally.test"));
        feed.start();
        started.add(feed);
        return feed;
    }

    @Test
    void isNotCaughtUpUntilTheTopicExistsAndItsEndIsRead() throws Exception {
        RevocationFeed feed = startFeed(revokedSessions, meters);

        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(2))).isFalse();
        assertThat(feed.caughtUp()).isFalse();
        assertThat(feed.isRunning()).isTrue();

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
        // A revocation's shape under another type: only the type makes a record a revocation.
        publish("io.tally.auth.LoginLocked.v1", "carol", revokedJson("carol", NOW), NOW.toEpochMilli());
        publish(EventCatalog.typeOf(SessionsRevokedEvent.class), "dave",
                "{\"subject\": 42, \"notBefore\": \"not an instant\"}", NOW.toEpochMilli());

        RevocationFeed feed = startFeed(revokedSessions, meters);

        assertThat(feed.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(revokedSessions.refuses("alice", NOW.minusSeconds(1))).isTrue();
        assertThat(revokedSessions.refuses("alice", NOW)).isFalse();
        assertThat(revokedSessions.refuses("forgotten", NOW.minusSeconds(1))).isFalse();
        assertThat(revokedSessions.refuses("carol", NOW.minusSeconds(1))).isFalse();
        assertThat(revokedSessions.refuses("dave", NOW.minusSeconds(1))).isFalse();
        assertThat(feed.unreadable()).isEqualTo(1);
        assertThat(meters.get("tally.test.revocations.unreadable").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("tally.test.revocations.active").gauge().value()).isEqualTo(1);

        publishRevoked("erin", NOW.plusSeconds(1), System.currentTimeMillis());
        awaitTrue(() -> revokedSessions.refuses("erin", NOW), Duration.ofSeconds(10));
        assertThat(feed.caughtUp()).isTrue();
        assertThat(meters.get("tally.test.revocations.active").gauge().value()).isEqualTo(2);
    }

    @Test
    void aFeedStartedLaterReadsBackWhatTheTopicHeldBeforeItIsCaughtUp() throws Exception {
        createTopic();
        RevocationFeed first = startFeed(revokedSessions, meters);
        assertThat(first.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        publishRevoked("earlier", NOW, NOW.toEpochMilli());
        publish(EventCatalog.typeOf(SessionsRevokedEvent.class), "broken", "{not json", NOW.toEpochMilli());
        awaitTrue(() -> first.unreadable() == 1 && revokedSessions.size() == 1, Duration.ofSeconds(10));
        first.stop();
        assertThat(first.isRunning()).isFalse();

        RevokedSessions restarted = new RevokedSessions(LIFETIME, Clock.systemUTC());
        RevocationFeed again = startFeed(restarted, new SimpleMeterRegistry());

        assertThat(again.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        // Everything was on the topic before this feed started: caught up, it has read all of it.
        assertThat(restarted.refuses("earlier", NOW.minusSeconds(1))).isTrue();
        assertThat(restarted.size()).isEqualTo(1);
        assertThat(again.unreadable()).isEqualTo(1);
    }

    @Test
    void readsWithTheCredentialsItIsGiven() throws Exception {
        createTopic();
        RevocationFeed plaintext = startFeed(revokedSessions, meters);
        RevocationFeed signingIn = startFeed(new RevokedSessions(LIFETIME, Clock.systemUTC()), new SimpleMeterRegistry(),
                new KafkaClientSecurity(null, null, "api-gateway", "s3cret"));

        assertThat(plaintext.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(signingIn.awaitCaughtUp(Duration.ofSeconds(3)))
                .as("a SASL client never gets through the broker's plaintext listener: the credentials were used")
                .isFalse();
    }

    @Test
    void aFeedIsStartedOnce() {
        RevocationFeed feed = startFeed(revokedSessions, meters);

        assertThatIllegalStateException().isThrownBy(feed::start);
    }

    private static void awaitTrue(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + atMost).isTrue();
    }

    private static String revokedJson(String subject, Instant notBefore) {
        return "{\"subject\":\"" + subject + "\",\"platformId\":null,\"notBefore\":\"" + notBefore
                + "\",\"reason\":\"LOGOUT\"}";
    }

    /** As auth-service publishes it, with the record's time {@code timestamp}. */
    private void publishRevoked(String subject, Instant notBefore, long timestamp) {
        publish(EventCatalog.typeOf(SessionsRevokedEvent.class), subject, revokedJson(subject, notBefore), timestamp);
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
