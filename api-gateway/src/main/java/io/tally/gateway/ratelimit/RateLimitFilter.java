package io.tally.gateway.ratelimit;

import io.tally.gateway.route.RouteTable;
import io.tally.gateway.route.ServiceRoute;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Refuses a caller who goes over its rate with 429 and {@code Retry-After}, before anything is
 * forwarded: anonymous routes per client address, all others per token subject.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1_000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Optional<ServiceRoute> serviceRoute = route == null ? Optional.empty() : RouteTable.byId(route.getId());
        if (serviceRoute.isEmpty()) {
            return chain.filter(exchange);
        }
        ServiceRoute limited = serviceRoute.get();
        return limiter.limit(exchange, limited.id(), limited.limitedByAddress(), () -> chain.filter(exchange));
    }
}
