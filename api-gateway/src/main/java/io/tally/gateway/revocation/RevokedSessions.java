package io.tally.gateway.revocation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each subject whose sessions ended, with the instant before which its tokens are refused. An
 * entry is kept only while a token issued before it could still be unexpired (the access-token
 * lifetime plus the allowed clock skew), so the map stays as small as the recent revocations.
 */
@Component
public class RevokedSessions {

    /** The clock skew Spring Security's timestamp validator allows. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final ConcurrentHashMap<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Duration relevance;
    private final Clock clock;

    @Autowired
    public RevokedSessions(@Value("${tally.tokens.access-token-lifetime}") Duration accessTokenLifetime,
                           MeterRegistry meters) {
        this(accessTokenLifetime, Clock.systemUTC());
        Gauge.builder("tally.gateway.revocations.active", notBefore, ConcurrentHashMap::size)
                .description("Subjects whose tokens issued before a revocation are still being refused")
                .register(meters);
    }

    RevokedSessions(Duration accessTokenLifetime, Clock clock) {
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
        Instant revokedBefore = notBefore.get(subject);
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
