package io.tally.service.security;

import io.tally.tokens.AcceptedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

/**
 * Remembers the tokens its delegate accepted ({@link AcceptedTokens}), so that a client's next requests with the same
 * access token skip the signature check and the parsing, still checked against the clock on every use. Whether its
 * sessions have ended since is asked on every use around it ({@link FollowedRevocations}). A refused token is never
 * remembered.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final AcceptedTokens accepted;

    public CachingJwtDecoder(JwtDecoder delegate, int capacity, Clock clock) {
        this.delegate = delegate;
        this.accepted = new AcceptedTokens(capacity, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return accepted.recall(token).orElseGet(() -> {
            Jwt decoded = delegate.decode(token);
            accepted.remember(token, decoded);
            return decoded;
        });
    }
}
