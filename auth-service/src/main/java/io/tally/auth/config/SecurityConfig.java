package io.tally.auth.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.service.web.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Login and the public keys are open to anyone; platform administration needs the PROVIDER role. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(auth -> {
            ResourceServerSecurity.permitInfrastructure(auth);
            auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                    .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                    .requestMatchers("/api/v1/platforms/**").hasAuthority("ROLE_PROVIDER")
                    .anyRequest().denyAll();
        });
        return ResourceServerSecurity.apply(http, objectMapper).build();
    }
}
