package io.tally.gateway.security;

import io.tally.tokens.AcceptedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The gateway's token check, remembering what it accepted ({@link AcceptedTokens}): a client's next requests with the
 * same access token skip the signature check and the parsing, while the clock and {@code onEveryUse} (whether the
 * token's sessions have ended) are asked on every request, as the full check would.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final AcceptedTokens accepted;
    private final OAuth2TokenValidator<Jwt> onEveryUse;

    RememberingJwtDecoder(ReactiveJwtDecoder delegate, AcceptedTokens accepted, OAuth2TokenValidator<Jwt> onEveryUse) {
        this.delegate = delegate;
        this.accepted = accepted;
        this.onEveryUse = onEveryUse;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Optional<Jwt> known;
        try {
            known = accepted.recall(token);
        } catch (JwtException expired) {
            return Mono.error(expired);
        }
        if (known.isEmpty()) {
            return delegate.decode(token).doOnNext(decoded -> accepted.remember(token, decoded));
        }
        OAuth2TokenValidatorResult result = onEveryUse.validate(known.get());
        return result.hasErrors()
                ? Mono.error(new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                        result.getErrors()))
                : Mono.just(known.get());
    }
}
