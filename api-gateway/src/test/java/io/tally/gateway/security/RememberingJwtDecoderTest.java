package io.tally.gateway.security;

import io.tally.testsupport.MovableClock;
import io.tally.tokens.AcceptedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingJwtDecoderTest {

    private final Instant now = Instant.now();

    /** The full check: accepts tokens named "good-…", valid 15 minutes from now, refuses the rest; counts its calls. */
    private final AtomicInteger fullChecks = new AtomicInteger();
    private final ReactiveJwtDecoder fullCheck = token -> {
        fullChecks.incrementAndGet();
        return token.startsWith("good-")
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(now)
                        .expiresAt(now.plus(Duration.ofMinutes(15))).build())
                : Mono.error(new BadJwtException("bad signature"));
    };

    /** The ended sessions: a subject in here is refused, on every use. */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final OAuth2TokenValidator<Jwt> sessions = jwt -> ended.contains(jwt.getSubject())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("revoked", "The sessions of this account have ended.", null))
            : OAuth2TokenValidatorResult.success();

    private RememberingJwtDecoder decoder(Clock clock) {
        return new RememberingJwtDecoder(fullCheck, new AcceptedTokens(10, clock), sessions);
    }

    @Test
    void anAcceptedTokenIsCheckedInFullOnceAndThenAnsweredFromMemory() {
        RememberingJwtDecoder decoder = decoder(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("good-1");
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("good-1");
        assertThat(decoder.decode("good-2").block().getSubject()).isEqualTo("good-2");

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsSessionsHaveEnded() {
        RememberingJwtDecoder decoder = decoder(Clock.fixed(now, ZoneOffset.UTC));
        decoder.decode("good-1").block();

        ended.add("good-1");

        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(JwtValidationException.class)
                .satisfies(refused -> assertThat(((JwtValidationException) refused).getErrors())
                        .extracting(OAuth2Error::getErrorCode).containsExactly("revoked"));
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        MovableClock clock = new MovableClock();
        RememberingJwtDecoder decoder = decoder(clock);
        decoder.decode("good-1").block();

        clock.advance(Duration.ofMinutes(15).plusSeconds(6));

        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aRefusedTokenIsCheckedInFullEveryTime() {
        RememberingJwtDecoder decoder = decoder(Clock.fixed(now, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(fullChecks).hasValue(2);
    }
}
