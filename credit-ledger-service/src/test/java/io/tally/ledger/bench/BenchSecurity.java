package io.tally.ledger.bench;

import io.tally.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Put beside the real application by the benchmark: the test token key in place of
 * auth-service's JWKS. A test configuration, so that the application's scan leaves it alone.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchSecurity {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }
}
