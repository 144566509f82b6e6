package io.tally.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.gateway.web.ClientAddressHeader;
import io.tally.gateway.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gateway's token buckets: anonymous calls per client address, all others per token
 * subject. The routes to the services and the gateway's own endpoints take from the same
 * buckets, so that moving between them (sign-in at auth-service or through the session
 * endpoint) gains a caller nothing. Over its rate a caller gets 429 with {@code Retry-After}.
 */
@Component
public class RateLimiter {

    private final TokenBuckets byAddress;
    private final TokenBuckets bySubject;
    private final TokenBuckets ownByAddress;
    private final TokenBuckets refusedTokensByAddress;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public RateLimiter(RateLimitSettings settings, ProblemResponses problems, MeterRegistry meters) {
        this.byAddress = new TokenBuckets(settings.address(), System::nanoTime);
        this.bySubject = new TokenBuckets(settings.subject(), System::nanoTime);
        this.ownByAddress = new TokenBuckets(settings.own(), System::nanoTime);
        this.refusedTokensByAddress = new TokenBuckets(settings.refusedTokens(), System::nanoTime);
        this.problems = problems;
        this.meters = meters;
        Gauge.builder("tally.gateway.rate-limits.buckets", byAddress, TokenBuckets::size)
                .tag("key", "address").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", bySubject, TokenBuckets::size)
                .tag("key", "subject").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", ownByAddress, TokenBuckets::size)
                .tag("key", "own-routes").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", refusedTokensByAddress, TokenBuckets::size)
                .tag("key", "refused-tokens").register(meters);
    }

    /**
     * Goes on with {@code proceed} when the caller has a token left, else answers 429. A call
     * that is not anonymous but carries no valid token is limited by its address.
     */
    public Mono<Void> limit(ServerWebExchange exchange, String route, boolean anonymous, Supplier<Mono<Void>> proceed) {
        String address = address(exchange);
        Mono<Optional<Duration>> decision = anonymous
                ? Mono.fromSupplier(() -> byAddress.take(address))
                : exchange.getPrincipal().map(Principal::getName)
                        .map(bySubject::take)
                        .switchIfEmpty(Mono.fromSupplier(() -> byAddress.take(address)));
        return decision.flatMap(wait -> wait.isEmpty() ? proceed.get() : refuse(exchange, route, anonymous, wait.get()));
    }

    /** One of the gateway's own routes: goes on with {@code proceed} while the caller's address has a token. */
    public Mono<Void> limitOwnRoute(ServerWebExchange exchange, Supplier<Mono<Void>> proceed) {
        Optional<Duration> wait = ownByAddress.take(address(exchange));
        return wait.isEmpty() ? proceed.get() : refuse(exchange, "gateway", "own-routes", wait.get());
    }

    /**
     * A bearer request from an address whose tokens were refused too often lately: answered 429 at
     * once, before its token costs a signature check or a key-set fetch; empty when it may go on.
     */
    public Optional<Mono<Void>> refuseAfterRefusedTokens(ServerWebExchange exchange) {
        return refusedTokensByAddress.peek(address(exchange))
                .map(wait -> refuse(exchange, "bearer", "refused-tokens", wait));
    }

    /** A bearer token this address sent was refused (401): it counts against the address. */
    public void tokenRefused(ServerWebExchange exchange) {
        refusedTokensByAddress.take(address(exchange));
    }

    private static String address(ServerWebExchange exchange) {
        return ClientAddressHeader.clientAddress(exchange).orElse("unknown");
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String route, boolean anonymous, Duration wait) {
        return refuse(exchange, route, anonymous ? "address" : "subject", wait);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String route, String key, Duration wait) {
        Counter.builder("tally.gateway.rate-limited")
                .description("Requests refused for going over their rate")
                .tag("route", route)
                .tag("key", key)
                .register(meters)
                .increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests: try again in " + seconds + " s.");
    }

    @Scheduled(fixedDelay = 30_000)
    public void sweep() {
        byAddress.sweep();
        bySubject.sweep();
        ownByAddress.sweep();
        refusedTokensByAddress.sweep();
    }
}
