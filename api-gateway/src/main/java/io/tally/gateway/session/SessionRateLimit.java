package io.tally.gateway.session;

import io.tally.gateway.ratelimit.RateLimiter;
import io.tally.gateway.route.GatewayPaths;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The session endpoints take from the routes' buckets: sign-in, refresh and sign-out from the
 * client address's (as auth-service's own sign-in route does), the console's polling of the
 * current session from its subject's. The gateway's route filters do not see these endpoints, so
 * this runs as a web filter, after Spring Security has found the subject.
 */
@Component
class SessionRateLimit implements WebFilter, Ordered {

    static final String ROUTE = "session";

    private final RateLimiter limiter;

    public SessionRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!GatewayPaths.isSession(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        boolean anonymous = !HttpMethod.GET.equals(request.getMethod());
        return limiter.limit(exchange, ROUTE, anonymous, () -> chain.filter(exchange));
    }
}
