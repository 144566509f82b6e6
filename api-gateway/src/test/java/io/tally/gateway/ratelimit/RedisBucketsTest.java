package io.tally.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets shared in a real Redis (TALLY_REDIS_URL, by default the machine's at 127.0.0.1:6379) by two gateways'
 * stores, as two gateways share them; and a store whose Redis cannot be reached limiting on its own.
 */
class RedisBucketsTest {

    static final String REDIS = System.getenv().getOrDefault("TALLY_REDIS_URL", "redis://127.0.0.1:6379");
    private static final RateLimitSettings.Limit THREE_THEN_SLOW = new RateLimitSettings.Limit(0.01, 3);

    private final String prefix = "tally-test:" + UUID.randomUUID() + ":";
    private final List<BucketStore> stores = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        stores.forEach(BucketStore::destroy);
    }

    @Test
    void twoGatewaysSpendOneBucket() {
        Buckets first = store(REDIS).buckets("address", THREE_THEN_SLOW);
        Buckets second = store(REDIS).buckets("address", THREE_THEN_SLOW);

        assertThat(first.take("198.51.100.7").block()).isEmpty();
        assertThat(second.take("198.51.100.7").block()).isEmpty();
        assertThat(first.take("198.51.100.7").block()).isEmpty();
        Optional<Duration> refused = second.take("198.51.100.7").block();

        assertThat(refused).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(95), Duration.ofSeconds(100)));
        assertThat(first.peek("198.51.100.7").block()).isPresent();
        assertThat(second.take("198.51.100.8").block()).as("another key, another bucket").isEmpty();
        assertThat(meters.counter("tally.gateway.rate-limits.fallbacks").count()).isZero();
    }

    @Test
    void aBucketIsKeptOnlyUntilItWouldHaveRefilled() {
        Buckets buckets = store(REDIS).buckets("subject", new RateLimitSettings.Limit(10, 5));
        assertThat(buckets.take("someone").block()).isEmpty();

        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long ttl = connection.sync().pttl(prefix + "subject:someone");
            assertThat(ttl).as("one token short at 10/s: refilled in 100 ms, kept a second more").isBetween(1L, 1_100L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withoutRedisAGatewayLimitsOnItsOwn() {
        Buckets buckets = store("redis://127.0.0.1:1").buckets("address", THREE_THEN_SLOW);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("203.0.113.5").block()).isEmpty();
        }
        assertThat(buckets.take("203.0.113.5").block()).isPresent();
        assertThat(meters.counter("tally.gateway.rate-limits.fallbacks").count()).isEqualTo(4);
        assertThat(buckets.localSize()).isOne();
    }

    private BucketStore store(String url) {
        BucketStore store = new BucketStore(new RateLimitSettings(THREE_THEN_SLOW, THREE_THEN_SLOW, THREE_THEN_SLOW,
                THREE_THEN_SLOW, new RateLimitSettings.Redis(url, prefix, Duration.ofSeconds(2))), meters);
        stores.add(store);
        return store;
    }
}
