package io.tally.auth.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tally.auth.account.RevocationValidator;
import io.tally.auth.keys.SigningKeys;
import io.tally.tokens.AccessTokenRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.util.List;
import java.util.Map;

/**
 * auth-service signs tokens with its newest stored key and, as a resource server of its own
 * routes, checks them against the stored keys' public parts (in process, not over HTTP), against
 * the rules every service checks (issuer, audience, times, an issue time) and against the
 * account's revocations in its own store.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    static final String ARGON2 = "argon2";
    static final String BCRYPT = "bcrypt";

    /**
     * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane): unlike bcrypt it reads all of
     * a 128-character password, where bcrypt ignores everything past 72 bytes. The delegating
     * encoder keeps bcrypt hashes readable. At most {@code concurrent-hashes} (default: the
     * cores) run at once. See the README for the measured cost.
     */
    @Bean
    public PasswordEncoder passwordEncoder(@Value("${tally.passwords.argon2.memory-kib:19456}") int memoryKib,
                                           @Value("${tally.passwords.argon2.iterations:2}") int iterations,
                                           @Value("${tally.passwords.concurrent-hashes:0}") int concurrentHashes,
                                           MeterRegistry meters) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
        PasswordEncoder delegating = new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, argon2, BCRYPT, new BCryptPasswordEncoder()));
        return new BoundedHashing(delegating, concurrentHashes > 0 ? concurrentHashes
                : Runtime.getRuntime().availableProcessors(), meters);
    }

    @Bean
    public JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((JWKSelector selector, SecurityContext context) ->
                selector.select(new JWKSet(keys.current())));
    }

    @Bean
    public JwtDecoder jwtDecoder(SigningKeys keys, RevocationValidator revocations,
                                 @Value("${tally.tokens.issuer}") String issuer,
                                 @Value("${tally.tokens.audience}") String audience) {
        JWKSource<SecurityContext> verificationKeys = (selector, context) -> {
            List<JWK> found = selector.select(keys.publicKeys());
            if (found.isEmpty()) {
                keys.reloadForUnknownKey();
                found = selector.select(keys.publicKeys());
            }
            return found;
        };
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, verificationKeys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setClaimSetConverter(AccessTokenRules.claimsWithIssueTime());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(AccessTokenRules.validator(issuer, audience),
                revocations));
        return decoder;
    }
}
