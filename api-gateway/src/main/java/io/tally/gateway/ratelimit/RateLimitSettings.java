package io.tally.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets: {@code address} for anonymous routes (sign-in, public registration and
 * verification) per client address, {@code subject} for every other route per token subject,
 * {@code own} for the gateway's own routes (the API documents, the event schemas, the console's
 * files, the actuator) per client address, and {@code refusedTokens}: the bearer tokens refused
 * per client address, after which that address's next bearer requests are refused unchecked.
 */
@ConfigurationProperties("tally.rate-limits")
record RateLimitSettings(Limit address, Limit subject, Limit own, Limit refusedTokens) {

    /** Refilled at {@code perSecond}, holding at most {@code burst} requests. */
    public record Limit(double perSecond, int burst) {

        public Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
            }
        }
    }
}
