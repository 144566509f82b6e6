package io.tally.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    /** Accepts tokens named "good-…" valid for 15 minutes from NOW, refuses the rest; counts calls. */
    private static final class CountingDecoder implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW)
                    .expiresAt(NOW.plus(Duration.ofMinutes(15))).build();
        }
    }

    @Test
    void anAcceptedTokenIsCheckedOnceAndThenAnsweredFromMemory() {
        CountingDecoder delegate = new CountingDecoder();
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(decoder.decode("good-2").getSubject()).isEqualTo("good-2");
        assertThat(delegate.calls.get()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        CountingDecoder delegate = new CountingDecoder();
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(delegate.calls.get()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        CountingDecoder delegate = new CountingDecoder();
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 10, clock);
        decoder.decode("good-1");

        now[0] = NOW.plus(Duration.ofMinutes(15)).plus(Duration.ofSeconds(61));
        assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void whenFullItStartsOverAndStillAnswers() {
        CountingDecoder delegate = new CountingDecoder();
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 2, Clock.fixed(NOW, ZoneOffset.UTC));
        decoder.decode("good-1");
        decoder.decode("good-2");
        decoder.decode("good-3");
        decoder.decode("good-3");
        decoder.decode("good-1");

        assertThat(delegate.calls.get()).isEqualTo(4);
    }
}
