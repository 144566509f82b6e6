package io.tally.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.tokens.AccessTokenRules;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * What every Tally service does as an OAuth2 resource server: stateless, JWTs from the
 * configured JWKS, the role claim as the authority (only with a well-formed platform where the
 * role needs one), and refusals as problems: a token whose sessions ended is 401
 * {@code session_ended}, as at the gateway, and a token that cannot be checked yet (the ended
 * sessions not yet read) 503 with {@code Retry-After}. Each service adds its own routes.
 */
public final class ResourceServerSecurity {

    /** The server namespace of Spring Boot's management server (a management port of its own). */
    static final String MANAGEMENT_SERVER = "management";

    private ResourceServerSecurity() {
    }

    /**
     * Error forwards need no token, nor does anything that arrives on the management port: the actuator (health,
     * metrics) and the API document answer there alone, and nothing of them on the API's port, where they are refused
     * like any other path without a route. Should the management port be configured as the API's own, the actuator
     * stays closed rather than opening to the API's callers.
     */
    public static void permitInfrastructure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(ResourceServerSecurity::onManagementPort).permitAll();
    }

    /** Whether the request arrived at the management server, a web server of its own beside the API's. */
    static boolean onManagementPort(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), MANAGEMENT_SERVER);
    }

    public static HttpSecurity apply(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::authentication))
                        .authenticationEntryPoint((request, response, e) -> refused(response, objectMapper, e)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(response, objectMapper))
                        .accessDeniedHandler((request, response, e) -> write(response, objectMapper,
                                HttpStatus.FORBIDDEN, "forbidden", "Your role may not use this resource.")));
    }

    /** The token's role, provided it is bound to a well-formed platform where the role needs one. */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        boolean platformBound = "PLATFORM_ADMIN".equals(caller.role()) || "CUSTOMER".equals(caller.role());
        boolean valid = caller.role() != null && (!platformBound || isUuid(caller.platformId()));
        List<SimpleGrantedAuthority> authorities = valid
                ? List.of(new SimpleGrantedAuthority("ROLE_" + caller.role()))
                : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static void unauthenticated(HttpServletResponse response, ObjectMapper objectMapper) throws IOException {
        write(response, objectMapper, HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required.");
    }

    /** A bearer token refused: for what reason decides the answer. */
    static void refused(HttpServletResponse response, ObjectMapper objectMapper, AuthenticationException failure)
            throws IOException {
        if (failedOn(failure, AccessTokenRules.REVOCATIONS_UNKNOWN)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            write(response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                    "Tokens cannot be checked yet: try again shortly.");
        } else if (failedOn(failure, AccessTokenRules.REVOKED)) {
            write(response, objectMapper, HttpStatus.UNAUTHORIZED, "session_ended",
                    "This session has ended: sign in again.");
        } else {
            unauthenticated(response, objectMapper);
        }
    }

    private static boolean failedOn(Throwable failure, String errorCode) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && invalid.getErrors().stream()
                    .anyMatch(error -> errorCode.equals(error.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    static void write(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status, String code,
                      String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Problems.of(status, code, detail));
    }
}
