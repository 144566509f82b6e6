package io.tally.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The buckets of one limit shared by every gateway, in Redis: each bucket a hash (tokens, refilled at) under
 * {@code <prefix><limit>:<key>}, taken from by one Lua script, so that two gateways never both spend the last
 * token; the clock is Redis's own ({@code TIME}), not the gateways'. A bucket expires once it would have refilled,
 * so Redis keeps only the recently active callers. Should Redis not answer within the timeout, the gateway limits
 * with its own buckets meanwhile ({@code fallback}, counted by {@code tally.gateway.rate-limits.fallbacks}): the
 * limits then hold per gateway, never not at all, and no request waits for Redis.
 */
final class RedisBuckets implements Buckets {

    /**
     * KEYS[1]: the bucket. ARGV: tokens per millisecond, the burst, 1 to take a token or 0 to look. Answers the
     * milliseconds until a token is there: 0 when one was (and, when asked, taken).
     */
    static final String SCRIPT = """
            local now = redis.call('TIME')
            local at = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(stored[1])
            local last = tonumber(stored[2])
            if tokens == nil or last == nil then
              tokens = burst
              last = at
            end
            if at > last then
              tokens = math.min(burst, tokens + (at - last) * rate)
              last = at
            end
            local wait = 0
            if tokens >= 1 then
              if ARGV[3] == '1' then
                tokens = tokens - 1
              end
            else
              wait = math.ceil((1 - tokens) / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', last))
            redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil((burst - tokens) / rate) + 1000))
            return wait
            """;

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final String prefix;
    private final String perMillisecond;
    private final String burst;
    private final Supplier<Mono<RedisReactiveCommands<String, String>>> redis;
    private final Duration timeout;
    private final TokenBuckets fallback;
    private final Counter fallbacks;
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    RedisBuckets(String prefix, RateLimitSettings.Limit limit, Supplier<Mono<RedisReactiveCommands<String, String>>> redis,
                 Duration timeout, Counter fallbacks) {
        this.prefix = prefix;
        this.perMillisecond = String.format(Locale.ROOT, "%.9f", limit.perSecond() / 1000);
        this.burst = Integer.toString(limit.burst());
        this.redis = redis;
        this.timeout = timeout;
        this.fallback = new TokenBuckets(limit, System::nanoTime);
        this.fallbacks = fallbacks;
    }

    @Override
    public Mono<Optional<Duration>> take(String key) {
        return ask(key, true).onErrorResume(e -> {
            fellBack(e);
            return fallback.take(key);
        });
    }

    @Override
    public Mono<Optional<Duration>> peek(String key) {
        return ask(key, false).onErrorResume(e -> {
            fellBack(e);
            return fallback.peek(key);
        });
    }

    private Mono<Optional<Duration>> ask(String key, boolean take) {
        return redis.get()
                .flatMap(commands -> commands.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, new String[] {prefix + key},
                        perMillisecond, burst, take ? "1" : "0").next())
                .timeout(timeout)
                .map(wait -> wait <= 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(wait)));
    }

    private void fellBack(Throwable e) {
        fallbacks.increment();
        long now = System.nanoTime();
        long last = lastWarned.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
            log.warn("Redis did not answer for the rate limits ({}): this gateway limits on its own meanwhile",
                    e.toString());
        }
    }

    @Override
    public int localSize() {
        return fallback.localSize();
    }

    @Override
    public void sweep() {
        fallback.sweep();
    }
}
