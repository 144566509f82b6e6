package io.tally.ledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The provider sets pools' totals; platform admins read their pool, move their customers' money
 * and audit both; a customer reads their own billing details.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

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
