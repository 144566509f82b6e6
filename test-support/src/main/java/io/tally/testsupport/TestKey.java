package io.tally.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Trust the test's token key ({@link TestTokens}) in place of auth-service's JWKS. Imported by
 * {@link TestKeyAndClock} for the integration tests, and named as a source beside the real
 * application by the benchmarks. Deliberately not a {@code @Configuration}, so that the services'
 * scans of {@code io.tally} never pick it up.
 */
public class TestKey {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }
}
