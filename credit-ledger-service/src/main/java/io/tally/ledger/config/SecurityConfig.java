package io.tally.ledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.security.FollowedRevocations;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The provider sets pools' totals; platform admins read their pool, move their customers' money
 * and audit both; a customer reads their own billing details. Whatever reaches this port, a token
 * counts only with auth-service's issuer and the API's audience and not after its subject's
 * sessions ended: the service follows the ended sessions itself, as the gateway does. A token it
 * accepted once is remembered ({@code tally.tokens.remembered-tokens}): a client's next writes skip
 * the signature check and the parsing, still checked against the clock and the ended sessions on
 * every use.
 */
@Configuration(proxyBeanMethods = false)
@Import(FollowedRevocations.class)
class SecurityConfig {

    /**
     * Spring Security's observation of every filter of every request is tracing detail the service
     * does not export, and wrapping each filter for it costs on every request; the request metrics
     * (http.server.requests) stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(auth -> {
            ResourceServerSecurity.permitInfrastructure(auth);
            auth.requestMatchers(HttpMethod.PUT, "/api/v1/platforms/*/credit-pool").hasAuthority("ROLE_PROVIDER")
                    .requestMatchers(HttpMethod.GET, "/api/v1/credit-pool", "/api/v1/credit-pool/**")
                    .hasAuthority("ROLE_PLATFORM_ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/me/**").hasAuthority("ROLE_CUSTOMER")
                    .requestMatchers("/api/v1/customers/**").hasAuthority("ROLE_PLATFORM_ADMIN")
                    .anyRequest().denyAll();
        });
        return ResourceServerSecurity.apply(http, objectMapper).build();
    }
}
