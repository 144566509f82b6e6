package io.tally.service.security;

import io.tally.tokens.AccessTokenRules;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens its delegate accepted, so that a client's next requests with the same
 * access token skip the signature check and the parsing: the same string carries the same signed
 * claims. A remembered token is still checked against the clock on every use (expiry and
 * not-before, with the same few seconds' skew as every check), so it is refused the moment it expires. It
 * remembers only what a token always is (signature, issuer, audience): whether its sessions have
 * ended since is asked on every use around it ({@link FollowedRevocations}). A refused token is
 * never remembered. Holds at most {@code capacity} tokens and starts over when full.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final int capacity;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, int capacity, Clock clock) {
        this.delegate = delegate;
        this.capacity = capacity;
        JwtTimestampValidator validator = new JwtTimestampValidator(AccessTokenRules.CLOCK_SKEW);
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.get(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = timestamps.validate(known);
            if (result.hasErrors()) {
                accepted.remove(token);
                throw new JwtValidationException("The token is no longer valid", result.getErrors());
            }
            return known;
        }
        Jwt decoded = delegate.decode(token);
        if (accepted.size() >= capacity) {
            accepted.clear();
        }
        accepted.put(token, decoded);
        return decoded;
    }
}
