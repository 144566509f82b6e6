package io.tally.auth.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in, refresh, public registration and the public keys are open to anyone (a refresh
 * token is its own credential); platform administration and key rotation need the PROVIDER
 * role, password resets a platform admin, and sign-out and one's own password any signed-in
 * account.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(auth -> {
            ResourceServerSecurity.permitInfrastructure(auth);
            auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                    .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/public/registrations").permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/public/registrations/*").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/auth/logout").authenticated()
                    .requestMatchers(HttpMethod.PUT, "/api/v1/me/password").authenticated()
                    .requestMatchers("/api/v1/platforms/**", "/api/v1/signing-keys/**").hasAuthority("ROLE_PROVIDER")
                    .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/password-resets",
                            "/api/v1/customers/*/password-resets/*/confirmation")
                    .hasAuthority("ROLE_PLATFORM_ADMIN")
                    .anyRequest().denyAll();
        });
        return ResourceServerSecurity.apply(http, objectMapper).build();
    }
}
