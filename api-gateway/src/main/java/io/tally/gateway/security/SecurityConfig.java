package io.tally.gateway.security;

import io.netty.channel.ChannelOption;
import io.tally.gateway.route.GatewayPaths;
import io.tally.gateway.route.RouteTable;
import io.tally.gateway.route.ServiceRoute;
import io.tally.gateway.web.ProblemResponses;
import io.tally.tokens.AcceptedTokens;
import io.tally.tokens.AccessTokenRules;
import io.tally.tokens.BearerHeader;
import io.tally.tokens.HeaderText;
import io.tally.tokens.RevocationValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Clock;
import java.time.Duration;

/**
 * Tokens are checked here before anything is forwarded: signature against auth-service's JWKS,
 * the access-token rules (issuer, audience, times, an issue time), revocation, and the role each
 * route needs (a customer's token never reaches an admin route). A token accepted once is
 * remembered ({@code tally.tokens.remembered-tokens}): its signature is not checked again, its
 * times and its sessions are, on every request. The token is passed on; the services check it
 * again, by the same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    public ReactiveJwtDecoder jwtDecoder(@Value("${tally.tokens.jwks-url}") String jwksUrl,
                                         @Value("${tally.tokens.issuer}") String issuer,
                                         @Value("${tally.tokens.audience}") String audience,
                                         @Value("${tally.tokens.jwks-timeout}") Duration jwksTimeout,
                                         @Value("${tally.tokens.remembered-tokens}") int rememberedTokens,
                                         ReactorResourceFactory nettyResources, RevocationValidator revocations) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(new KeySet(jwksClient(jwksTimeout, nettyResources), jwksUrl, Clock.systemUTC()))
                .build();
        decoder.setClaimSetConverter(AccessTokenRules.claimsWithIssueTime());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(AccessTokenRules.validator(issuer, audience),
                revocations));
        return rememberedTokens > 0
                ? new RememberingJwtDecoder(decoder, new AcceptedTokens(rememberedTokens, Clock.systemUTC()), revocations)
                : decoder;
    }

    /**
     * The key set's own client: an answer within {@code timeout} (else the request is a 503, never
     * left waiting), and no kept-alive connection reused after the idle time at which auth-service
     * may be closing it. It runs on the application's Netty event loops (the resource factory's), not
     * on loops of its own choosing: when those are the JVM's global ones and something disposes
     * them, a request put on them is never answered and no timeout fires, since the timer runs on
     * the same loops.
     */
    private static WebClient jwksClient(Duration timeout, ReactorResourceFactory nettyResources) {
        ConnectionProvider connections = ConnectionProvider.builder("jwks")
                .maxConnections(4)
                .maxIdleTime(Duration.ofSeconds(15))
                .build();
        HttpClient client = HttpClient.create(connections)
                .runOn(nettyResources.getLoopResources())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }

    /**
     * Spring Security would observe every filter of the chain and every authorization decision of every request, a
     * timer each, about a twentieth of the gateway's CPU under load; the requests are timed per route already
     * ({@code spring.cloud.gateway.requests}, {@code http.server.requests}), refusals included.
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                              ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> isRevocation(failure)
                ? problems.write(exchange, HttpStatus.UNAUTHORIZED, "session_ended",
                        "This session has ended: sign in again.")
                : problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "A valid bearer token is required.");
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Your role may not use this resource.");
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(GatewayPaths.ACTUATOR + "/health/**", GatewayPaths.ACTUATOR + "/prometheus",
                            GatewayPaths.ACTUATOR + "/info", GatewayPaths.DOCS, GatewayPaths.DOCS + "/**",
                            GatewayPaths.WEBJARS + "/**", GatewayPaths.API_DOCS + "/**",
                            GatewayPaths.SCHEMAS + "/**").permitAll();
                    // The console's sessions: sign-in, refresh and sign-out are anonymous (the
                    // cookies and the CSRF check stand in for a token); the current session needs one.
                    exchanges.pathMatchers(HttpMethod.GET, GatewayPaths.SESSION).authenticated();
                    exchanges.pathMatchers(GatewayPaths.SESSION, GatewayPaths.SESSION_REFRESH).permitAll();
                    for (ServiceRoute route : RouteTable.ROUTES) {
                        ServerHttpSecurity.AuthorizeExchangeSpec.Access access = exchanges.pathMatchers(route.pathArray());
                        switch (route.access()) {
                            case ANYONE -> access.permitAll();
                            case SIGNED_IN -> access.authenticated();
                            default -> access.hasAuthority(route.access().authority());
                        }
                    }
                    // Anything else has no route: it reaches the gateway's 404 problem.
                    exchanges.anyExchange().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(Tokens::authentication)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Bearer tokens, except on the anonymous session calls: sign-out passes its token on to
     * auth-service, which checks it, and must clear the cookies even when the token has ended.
     */
    private static ServerAuthenticationConverter bearerTokens() {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            return GatewayPaths.isSession(request.getPath().pathWithinApplication().value())
                    && !HttpMethod.GET.equals(request.getMethod()) ? Mono.empty() : bearerToken(request);
        };
    }

    /**
     * The {@code Authorization} header's bearer token, read as Spring Security's converter reads it ({@link
     * BearerHeader}: the same rule as a loop rather than its regular expression), never from a query or a form.
     */
    private static Mono<Authentication> bearerToken(ServerHttpRequest request) {
        try {
            return Mono.justOrEmpty(BearerHeader.token(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                    .map(BearerTokenAuthenticationToken::new));
        } catch (BearerHeader.MalformedException malformed) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(malformed.getMessage())));
        }
    }

    /**
     * Spring Security's default firewall, its rules for header names and values and parameter names as {@link
     * HeaderText}'s loops: the same rules, without a regular expression run over every header the gateway reads or
     * passes on, the bearer token's included.
     */
    @Bean
    public ServerWebExchangeFirewall exchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderText.NAMES);
        firewall.setAllowedHeaderValues(HeaderText.VALUES);
        firewall.setAllowedParameterNames(HeaderText.NAMES);
        return firewall;
    }

    private static boolean isRevocation(AuthenticationException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && invalid.getErrors().stream()
                    .anyMatch(error -> AccessTokenRules.REVOKED.equals(error.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
