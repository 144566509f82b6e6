package io.tally.customer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.customer.web.Caller;
import io.tally.customer.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * An OAuth2 resource server: JWTs signed by the configured JWKS. Admin routes need the
 * PLATFORM_ADMIN role and a platform claim; customer routes the CUSTOMER role.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/customers/**", "/api/v1/invitations/**")
                        .hasAuthority("ROLE_PLATFORM_ADMIN")
                        .requestMatchers("/api/v1/me/**").hasAuthority("ROLE_CUSTOMER")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint((request, response, e) -> write(response, objectMapper,
                                HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "A valid bearer token is required.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> write(response, objectMapper,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> write(response, objectMapper,
                                HttpStatus.FORBIDDEN, "forbidden", "Your role may not use this resource.")));
        return http.build();
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

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
                              String code, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
