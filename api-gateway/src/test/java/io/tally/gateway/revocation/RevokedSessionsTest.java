package io.tally.gateway.revocation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final RevokedSessions revoked =
            new RevokedSessions(Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void refusesTokensIssuedBeforeTheInstantOnly() {
        revoked.revoke("s", NOW);

        assertThat(revoked.refuses("s", NOW.minusSeconds(1))).isTrue();
        assertThat(revoked.refuses("s", NOW)).isFalse();
        assertThat(revoked.refuses("s", NOW.plusSeconds(1))).isFalse();
        assertThat(revoked.refuses("other", NOW.minusSeconds(1))).isFalse();
    }

    @Test
    void theLaterRevocationWinsWhateverTheOrder() {
        revoked.revoke("s", NOW);
        revoked.revoke("s", NOW.minusSeconds(30));

        assertThat(revoked.refuses("s", NOW.minusSeconds(10))).isTrue();
    }

    @Test
    void ignoresAndForgetsRevocationsNoLiveTokenPredates() {
        Instant tooOld = NOW.minus(Duration.ofMinutes(16)).minusSeconds(1);
        revoked.revoke("old", tooOld);
        assertThat(revoked.size()).isZero();

        RevokedSessions later = new RevokedSessions(Duration.ofMinutes(15),
                Clock.fixed(NOW.plus(Duration.ofMinutes(20)), ZoneOffset.UTC));
        later.revoke("recent", NOW.plus(Duration.ofMinutes(19)));
        later.revoke("stale", NOW.plus(Duration.ofMinutes(3)).minusSeconds(1));
        assertThat(later.size()).isEqualTo(1);
        later.forgetExpired();
        assertThat(later.refuses("recent", NOW)).isTrue();
        assertThat(later.size()).isEqualTo(1);

        MovingClock clock = new MovingClock(NOW);
        RevokedSessions aging = new RevokedSessions(Duration.ofMinutes(15), clock);
        aging.revoke("early", NOW);
        aging.revoke("late", NOW.plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(16));
        aging.forgetExpired();
        assertThat(aging.size()).as("a token issued just before either may still be valid").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        aging.forgetExpired();
        assertThat(aging.size()).isEqualTo(1);
        assertThat(aging.refuses("early", NOW.minusSeconds(1))).isFalse();
        assertThat(aging.refuses("late", NOW)).isTrue();
    }

    @Test
    void remembersForTheTokenLifetimeAndTheClockSkew() {
        assertThat(revoked.relevance()).isEqualTo(Duration.ofMinutes(16));
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
