package io.tally.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets: {@code address} for anonymous routes (sign-in, public registration and
 * verification) per client address, {@code subject} for every other route per token subject.
 */
@ConfigurationProperties("tally.rate-limits")
record RateLimitSettings(Limit address, Limit subject) {

    /** Refilled at {@code perSecond}, holding at most {@code burst} requests. */
    public record Limit(double perSecond, int burst) {

        public Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
            }
        }
    }
}
