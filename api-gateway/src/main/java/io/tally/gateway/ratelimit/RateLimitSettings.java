package io.tally.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Token buckets: {@code address} for anonymous routes (sign-in, public registration and
 * verification) per client address, {@code subject} for every other route per token subject,
 * {@code own} for the gateway's own routes (the API documents, the event schemas, the console's
 * files, the actuator) per client address, and {@code refusedTokens}: the bearer tokens refused
 * per client address, after which that address's next bearer requests are refused unchecked.
 * {@code redis}: where the buckets are shared by every gateway; none, in this gateway's memory.
 */
@ConfigurationProperties("tally.rate-limits")
record RateLimitSettings(Limit address, Limit subject, Limit own, Limit refusedTokens, Redis redis) {

    RateLimitSettings {
        redis = redis == null ? new Redis(null, null, null) : redis;
    }

    /** Refilled at {@code perSecond}, holding at most {@code burst} requests. */
    public record Limit(double perSecond, int burst) {

        public Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
            }
        }
    }

    /**
     * Redis at {@code url} ({@code redis://host:port}, empty: the buckets stay in this gateway's memory), the keys
     * under {@code prefix}, and how long a request waits for it before this gateway limits on its own.
     */
    public record Redis(String url, String prefix, Duration timeout) {

        public Redis {
            url = url == null ? "" : url.strip();
            prefix = prefix == null || prefix.isBlank() ? "tally:rate-limits:" : prefix;
            timeout = timeout == null ? Duration.ofMillis(100) : timeout;
        }

        boolean shared() {
            return !url.isEmpty();
        }
    }
}
