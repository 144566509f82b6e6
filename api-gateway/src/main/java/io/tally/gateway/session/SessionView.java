package io.tally.gateway.session;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;

/** The signed-in account as its access token names it; {@code platformId} is absent for the provider. */
record SessionView(String subject, String role, String platformId, String username, Instant issuedAt,
                   Instant expiresAt) {

    static final String ROLE_CLAIM = "role";
    static final String PLATFORM_CLAIM = "platform";
    static final String USERNAME_CLAIM = "preferred_username";

    static SessionView of(Jwt token) {
        return new SessionView(token.getSubject(), token.getClaimAsString(ROLE_CLAIM),
                token.getClaimAsString(PLATFORM_CLAIM), token.getClaimAsString(USERNAME_CLAIM),
                token.getIssuedAt(), token.getExpiresAt());
    }
}
