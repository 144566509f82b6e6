package io.tally.gateway.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address or a subject), in this gateway's memory. A bucket that has refilled
 * completely holds nothing worth keeping and is dropped by {@link #sweep()}, so memory follows
 * the number of recently active callers.
 */
final class TokenBuckets implements Buckets {

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(RateLimitSettings.Limit limit, LongSupplier nanoTime) {
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Optional<Duration>> take(String key) {
        return Mono.fromSupplier(() -> takeNow(key));
    }

    @Override
    public Mono<Optional<Duration>> peek(String key) {
        return Mono.fromSupplier(() -> peekNow(key));
    }

    /** Takes one request's token; empty when granted, else how long until one is available. */
    Optional<Duration> takeNow(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perNano, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano)));
        }
    }

    /** How long until the key's next token, without taking one; empty when one is there. */
    Optional<Duration> peekNow(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        synchronized (bucket) {
            bucket.refill(now, perNano, burst);
            return bucket.tokens >= 1 ? Optional.empty()
                    : Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano)));
        }
    }

    @Override
    public void sweep() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, perNano, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    @Override
    public int localSize() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        private void refill(long now, double perNano, int burst) {
            if (now > refilledAt) {
                tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
            }
        }
    }
}
