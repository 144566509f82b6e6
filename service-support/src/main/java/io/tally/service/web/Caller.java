package io.tally.service.web;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the access token: the subject, the role and the platform. The platform
 * comes from the token, never from the request.
 */
public record Caller(String subject, String role, String platformId) {

    public static final String ROLE_CLAIM = "role";
    public static final String PLATFORM_CLAIM = "platform";

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(ROLE_CLAIM), jwt.getClaimAsString(PLATFORM_CLAIM));
    }
}
