package io.tally.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;


/**
 * The limits that come before the security chain and the routes, for what they do not see: the
 * gateway's own routes (everything outside {@code /api/}: the whole API document, which costs a
 * fetch from every service, the event schemas, the console's files, the actuator) take from a
 * bucket per client address; and a bearer token refused with 401 counts against its address, so
 * that an address sending bad tokens is refused with 429 before its next token is even checked
 * (a token naming an unknown key would otherwise cost a fetch of the key set each time).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EdgeRateLimitFilter implements WebFilter {

    private static final String API = "/api/";
    private static final String BEARER = "Bearer ";

    private final RateLimiter limiter;

    EdgeRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(API)) {
            return limiter.limitOwnRoute(exchange, () -> chain.filter(exchange));
        }
        if (!hasBearerToken(exchange)) {
            return chain.filter(exchange);
        }
        return limiter.unlessTokensKeptBeingRefused(exchange, () -> {
            exchange.getResponse().beforeCommit(() ->
                    HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())
                            ? limiter.tokenRefused(exchange) : Mono.empty());
            return chain.filter(exchange);
        });
    }

    private static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }
}
