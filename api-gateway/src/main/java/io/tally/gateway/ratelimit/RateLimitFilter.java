package io.tally.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.gateway.route.RouteTable;
import io.tally.gateway.route.ServiceRoute;
import io.tally.gateway.web.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a caller who goes over its rate with 429 and {@code Retry-After}, before anything is
 * forwarded: anonymous routes per client address, all others per token subject.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final TokenBuckets byAddress;
    private final TokenBuckets bySubject;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimitSettings settings, ProblemResponses problems, MeterRegistry meters) {
        this.byAddress = new TokenBuckets(settings.address(), System::nanoTime);
        this.bySubject = new TokenBuckets(settings.subject(), System::nanoTime);
        this.problems = problems;
        this.meters = meters;
        Gauge.builder("tally.gateway.rate-limits.buckets", byAddress, TokenBuckets::size)
                .tag("key", "address").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", bySubject, TokenBuckets::size)
                .tag("key", "subject").register(meters);
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
        String address = clientAddress(exchange);
        Mono<Optional<Duration>> decision = limited.limitedByAddress()
                ? Mono.fromSupplier(() -> byAddress.take(address))
                : exchange.getPrincipal().map(Principal::getName)
                        .map(bySubject::take)
                        .switchIfEmpty(Mono.fromSupplier(() -> byAddress.take(address)));
        return decision.flatMap(wait -> wait.isEmpty() ? chain.filter(exchange) : refuse(exchange, limited, wait.get()));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ServiceRoute route, Duration wait) {
        Counter.builder("tally.gateway.rate-limited")
                .description("Requests refused for going over their rate")
                .tag("route", route.id())
                .tag("key", route.limitedByAddress() ? "address" : "subject")
                .register(meters)
                .increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests: try again in " + seconds + " s.");
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Scheduled(fixedDelay = 30_000)
    public void sweep() {
        byAddress.sweep();
        bySubject.sweep();
    }
}
