package io.tally.gateway;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same limits with the buckets in Redis (the machine's, TALLY_REDIS_URL), as several gateways share them: every
 * test of {@link RateLimitIntegrationTest} holds there too, and the buckets are Redis's, not the gateway's.
 */
class RedisRateLimitIntegrationTest extends RateLimitIntegrationTest {

    private static final String REDIS = System.getenv().getOrDefault("TALLY_REDIS_URL", "redis://127.0.0.1:6379");
    private static final String PREFIX = "tally-test:" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void sharedBuckets(DynamicPropertyRegistry registry) {
        registry.add("tally.rate-limits.redis.url", () -> REDIS);
        registry.add("tally.rate-limits.redis.prefix", () -> PREFIX);
        registry.add("tally.rate-limits.redis.timeout", () -> "PT2S");
    }

    @Test
    void theBucketsAreKeptInRedis() {
        String subject = "kept-in-redis-" + UUID.randomUUID();
        http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer "
                + TestTokens.token(subject, "PLATFORM_ADMIN", UUID.randomUUID().toString())).exchange()
                .expectStatus().isOk();

        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().hget(PREFIX + "subject:" + subject, "tokens")).as("one of 4 taken")
                    .startsWith("3.");
        } finally {
            client.shutdown();
        }
    }
}
