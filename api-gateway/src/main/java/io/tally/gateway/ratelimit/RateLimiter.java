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
 * The buckets are this gateway's own, or shared by every gateway in Redis ({@link BucketStore}).
 */
@Component
public class RateLimiter {

    private final Buckets byAddress;
    private final Buckets bySubject;
    private final Buckets ownByAddress;
    private final Buckets refusedTokensByAddress;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    RateLimiter(RateLimitSettings settings, BucketStore store, ProblemResponses problems, MeterRegistry meters) {
        this.byAddress = store.buckets("address", settings.address());
        this.bySubject = store.buckets("subject", settings.subject());
        this.ownByAddress = store.buckets("own-routes", settings.own());
        this.refusedTokensByAddress = store.buckets("refused-tokens", settings.refusedTokens());
        this.problems = problems;
        this.meters = meters;
        Gauge.builder("tally.gateway.rate-limits.buckets", byAddress, Buckets::localSize)
                .tag("key", "address").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", bySubject, Buckets::localSize)
                .tag("key", "subject").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", ownByAddress, Buckets::localSize)
                .tag("key", "own-routes").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", refusedTokensByAddress, Buckets::localSize)
                .tag("key", "refused-tokens").register(meters);
    }

    /**
     * Goes on with {@code proceed} when the caller has a token left, else answers 429. A call
     * that is not anonymous but carries no valid token is limited by its address.
     */
    public Mono<Void> limit(ServerWebExchange exchange, String route, boolean anonymous, Supplier<Mono<Void>> proceed) {
        String address = address(exchange);
        Mono<Optional<Duration>> decision = anonymous
                ? byAddress.take(address)
                : exchange.getPrincipal().map(Principal::getName)
                        .flatMap(bySubject::take)
                        .switchIfEmpty(Mono.defer(() -> byAddress.take(address)));
        return decision.flatMap(wait -> wait.isEmpty() ? proceed.get() : refuse(exchange, route, anonymous, wait.get()));
    }

    /** One of the gateway's own routes: goes on with {@code proceed} while the caller's address has a token. */
    public Mono<Void> limitOwnRoute(ServerWebExchange exchange, Supplier<Mono<Void>> proceed) {
        return ownByAddress.take(address(exchange)).flatMap(wait -> wait.isEmpty() ? proceed.get()
                : refuse(exchange, "gateway", "own-routes", wait.get()));
    }

    /**
     * A bearer request from an address whose tokens were refused too often lately is answered 429 at once, before
     * its token costs a signature check or a key-set fetch; any other goes on with {@code proceed}.
     */
    public Mono<Void> unlessTokensKeptBeingRefused(ServerWebExchange exchange, Supplier<Mono<Void>> proceed) {
        return refusedTokensByAddress.peek(address(exchange)).flatMap(wait -> wait.isEmpty() ? proceed.get()
                : refuse(exchange, "bearer", "refused-tokens", wait.get()));
    }

    /** A bearer token this address sent was refused (401): it counts against the address. */
    public Mono<Void> tokenRefused(ServerWebExchange exchange) {
        return refusedTokensByAddress.take(address(exchange)).then();
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
