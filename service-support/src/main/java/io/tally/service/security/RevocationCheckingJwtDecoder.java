package io.tally.service.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes with its delegate (signature, issuer, audience, times: what a token always is, so a {@link
 * CachingJwtDecoder} may answer it from memory), then asks on every use whether the token's sessions have ended
 * since: that can change from one request to the next.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> revocations;

    RevocationCheckingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt decoded = delegate.decode(token);
        OAuth2TokenValidatorResult result = revocations.validate(decoded);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return decoded;
    }
}
