package io.tally.ledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.security.CachingJwtDecoder;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/**
 * The provider sets pools' totals; platform admins read their pool, move their customers' money
 * and audit both; a customer reads their own billing details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final int REMEMBERED_TOKENS = 10_000;

    /**
     * The ledger decides on the token alone (the gateway refuses revoked ones), so a token it
     * accepted once is remembered: a client's next writes skip the signature check and the
     * parsing, still checked against the clock on every use.
     */
    @Bean
    static BeanPostProcessor rememberAcceptedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, REMEMBERED_TOKENS, Clock.systemUTC()) : bean;
            }
        };
    }

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
