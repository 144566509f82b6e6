package io.tally.tokens;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens a decoder has accepted, so that a client's next requests with the same token skip the signature
 * check and the parsing: the same string carries the same signed claims. It remembers only what a token always is
 * (signature, issuer, audience); a remembered token is checked against the clock on every use (expiry and not-before,
 * with {@link AccessTokenRules#CLOCK_SKEW}), so it is refused the moment it expires, and whether its sessions have
 * ended since is for the caller to ask on every use. A refused token is never remembered. Holds at most
 * {@code capacity} tokens and starts over when full. The services' decoder and the gateway's share it.
 */
public final class AcceptedTokens {

    private final int capacity;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    public AcceptedTokens(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A store of accepted tokens holds at least one, not " + capacity);
        }
        this.capacity = capacity;
        JwtTimestampValidator validator = new JwtTimestampValidator(AccessTokenRules.CLOCK_SKEW);
        validator.setClock(clock);
        this.timestamps = validator;
    }

    /**
     * The token as accepted before, while it is still within its times; empty when it was not accepted before.
     *
     * @throws JwtValidationException when it was, but has expired since (and is forgotten)
     */
    public Optional<Jwt> recall(String token) {
        Jwt known = accepted.get(token);
        if (known == null) {
            return Optional.empty();
        }
        OAuth2TokenValidatorResult result = timestamps.validate(known);
        if (result.hasErrors()) {
            accepted.remove(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return Optional.of(known);
    }

    /** A token the decoder has just accepted, with its claims. */
    public void remember(String token, Jwt decoded) {
        if (accepted.size() >= capacity) {
            accepted.clear();
        }
        accepted.put(token, decoded);
    }

    public int size() {
        return accepted.size();
    }
}
