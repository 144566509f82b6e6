package io.tally.gateway.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.UUID;

/**
 * What the gateway reads from an access token: the role claim as the one authority, granted only
 * when the token is bound to a well-formed platform where the role needs one (as the services do).
 */
final class Tokens {

    static final String ROLE_CLAIM = "role";
    static final String PLATFORM_CLAIM = "platform";

    private Tokens() {
    }

    static JwtAuthenticationToken authentication(Jwt jwt) {
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        boolean platformBound = "PLATFORM_ADMIN".equals(role) || "CUSTOMER".equals(role);
        boolean valid = "PROVIDER".equals(role) || platformBound && isUuid(jwt.getClaimAsString(PLATFORM_CLAIM));
        List<SimpleGrantedAuthority> authorities = valid ? List.of(new SimpleGrantedAuthority("ROLE_" + role)) : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
