package io.tally.customer.bench;

import io.tally.testsupport.TestTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the benchmark puts next to the real application: the test token key in place of
 * auth-service's JWKS, and the recorder of the read-model SQL whose plans are printed.
 * A test configuration, so that component scanning leaves it alone; the benchmark names it
 * as a source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchSecurity {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }

    @Bean
    static BeanPostProcessor benchSqlCapture() {
        return new SqlCapture();
    }
}
