package io.tally.auth.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * auth-service signs tokens with its stored key and, as a resource server of its own routes,
 * checks them against the same key's public part: in process, not over HTTP.
 */
@Configuration(proxyBeanMethods = false)
public class TokenConfig {

    /** bcrypt through the delegating encoder, so that a later move to argon2 keeps old hashes readable. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
    }

    @Bean
    public JwtDecoder jwtDecoder(SigningKeys keys, @Value("${tally.tokens.issuer}") String issuer)
            throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    /** The public half only, as served at /.well-known/jwks.json. */
    @Bean
    public JWKSet publicKeys(SigningKeys keys) {
        return new JWKSet(keys.current().toPublicJWK());
    }
}
