package io.tally.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * For a service's integration tests: trust the test's token key in place of auth-service's
 * JWKS, and move the service's clock and the aggregates' clock together. Imported where wanted;
 * deliberately not a {@code @Configuration}, so that the services' scans of {@code io.tally}
 * never pick it up.
 */
public class TestKeyAndClock {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }

    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.sharedWithAggregates();
    }
}
