package io.tally.customer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.security.FollowedRevocations;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Admin routes need the PLATFORM_ADMIN role and a platform claim; customer routes the CUSTOMER role.
 * Whatever reaches this port, a token counts only with auth-service's issuer and the API's audience
 * and not after its subject's sessions ended (a sign-out, a disabled customer): the service follows
 * the ended sessions itself, as the gateway does.
 */
@Configuration(proxyBeanMethods = false)
@Import(FollowedRevocations.class)
class SecurityConfig {

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(auth -> {
            ResourceServerSecurity.permitInfrastructure(auth);
            auth.requestMatchers(HttpMethod.POST, "/api/v1/public/**").permitAll()
                    .requestMatchers("/api/v1/customers/**", "/api/v1/invitations/**")
                    .hasAuthority("ROLE_PLATFORM_ADMIN")
                    .requestMatchers("/api/v1/me/**").hasAuthority("ROLE_CUSTOMER")
                    .anyRequest().denyAll();
        });
        return ResourceServerSecurity.apply(http, objectMapper).build();
    }
}
