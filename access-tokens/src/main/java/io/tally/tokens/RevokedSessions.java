package io.tally.tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each subject whose sessions ended, with the instant before which its tokens are refused. An entry is kept only
 * while a token issued before it could still be unexpired (the access-token lifetime plus the clock skew the
 * timestamp check allows), so the map stays as small as the recent revocations.
 */
public final class RevokedSessions {

    /** The clock skew Spring Security's timestamp validator allows by default, as the token checks use it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final ConcurrentHashMap<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Duration relevance;
    private final InstantSource clock;

    public RevokedSessions(Duration accessTokenLifetime, InstantSource clock) {
        this.relevance = accessTokenLifetime.plus(CLOCK_SKEW);
        this.clock = clock;
    }

    /** How far back a revocation still matters: a token issued before it may still be valid. */
    public Duration relevance() {
        return relevance;
    }

    /** Records that the subject's tokens issued before {@code instant} are refused; the later instant wins. */
    public void revoke(String subject, Instant instant) {
        if (instant.plus(relevance).isAfter(clock.instant())) {
            notBefore.merge(subject, instant, (known, added) -> added.isAfter(known) ? added : known);
        }
    }

    public boolean refuses(String subject, Instant issuedAt) {
        Instant revokedBefore = subject == null ? null : notBefore.get(subject);
        return revokedBefore != null && issuedAt.isBefore(revokedBefore);
    }

    /** Drops the revocations every token they concern has outlived. */
    public void forgetExpired() {
        Instant horizon = clock.instant().minus(relevance);
        notBefore.values().removeIf(instant -> instant.isBefore(horizon));
    }

    public int size() {
        return notBefore.size();
    }
}
