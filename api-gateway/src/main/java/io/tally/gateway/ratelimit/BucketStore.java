package io.tally.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Where the gateway's buckets live: in its own memory by default, so that one gateway needs nothing more; in Redis
 * when {@code tally.rate-limits.redis.url} ({@code TALLY_RATE_LIMIT_REDIS_URL}) names one, so that with several
 * gateways a limit holds for the whole system rather than per gateway. The connection is made without blocking and
 * made again, at most every few seconds, while it cannot be had; Lettuce reconnects an established one by itself.
 * Until Redis answers each gateway limits on its own ({@link RedisBuckets}), and the gateway starts without it.
 */
@Component
class BucketStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);
    private static final Duration CONNECT_AGAIN_AFTER = Duration.ofSeconds(5);

    private final RateLimitSettings.Redis redis;
    private final RedisClient client;
    private final Counter fallbacks;
    private CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private long failedAt;

    BucketStore(RateLimitSettings settings, MeterRegistry meters) {
        this.redis = settings.redis();
        this.fallbacks = Counter.builder("tally.gateway.rate-limits.fallbacks")
                .description("Rate-limit decisions this gateway took on its own because Redis did not answer")
                .register(meters);
        if (redis.shared()) {
            client = RedisClient.create();
            client.setOptions(ClientOptions.builder()
                    .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                    .build());
            log.info("Rate limits shared by every gateway in Redis at {}", redis.url().replaceAll("//[^@/]*@", "//"));
        } else {
            client = null;
        }
    }

    /** The buckets of the limit called {@code name}. */
    Buckets buckets(String name, RateLimitSettings.Limit limit) {
        return client == null ? new TokenBuckets(limit, System::nanoTime)
                : new RedisBuckets(redis.prefix() + name + ":", limit, this::commands, redis.timeout(), fallbacks);
    }

    /** The connection's commands, once connected; an error while Redis cannot be reached. */
    private Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.fromFuture(connection(), true).map(StatefulRedisConnection::reactive);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        boolean failed = connection != null && connection.isCompletedExceptionally();
        if (failed && failedAt == 0) {
            failedAt = System.nanoTime();
        }
        if (connection == null || failed && System.nanoTime() - failedAt >= CONNECT_AGAIN_AFTER.toNanos()) {
            failedAt = 0;
            connection = client.connectAsync(StringCodec.UTF8, RedisURI.create(redis.url())).toCompletableFuture();
        }
        return connection;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            if (connection != null && connection.isDone() && !connection.isCompletedExceptionally()) {
                connection.join().close();
            }
            client.shutdown();
        }
    }
}
