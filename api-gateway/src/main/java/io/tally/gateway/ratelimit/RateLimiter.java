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
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public RateLimiter(RateLimitSettings settings, ProblemResponses problems, MeterRegistry meters) {
        this.byAddress = new TokenBuckets(settings.address(), System::nanoTime);
        this.bySubject = new TokenBuckets(settings.subject(), System::nanoTime);
        this.problems = problems;
        this.meters = meters;
        Gauge.builder("tally.gateway.rate-limits.buckets", byAddress, TokenBuckets::size)
                .tag("key", "address").register(meters);
        Gauge.builder("tally.gateway.rate-limits.buckets", bySubject, TokenBuckets::size)
                .tag("key", "subject").register(meters);
    }

    /**
     * Goes on with {@code proceed} when the caller has a token left, else answers 429. A call
     * that is not anonymous but carries no valid token is limited by its address.
     */
    public Mono<Void> limit(ServerWebExchange exchange, String route, boolean anonymous, Supplier<Mono<Void>> proceed) {
        String address = ClientAddressHeader.clientAddress(exchange).orElse("unknown");
        Mono<Optional<Duration>> decision = anonymous
                ? Mono.fromSupplier(() -> byAddress.take(address))
                : exchange.getPrincipal().map(Principal::getName)
                        .map(bySubject::take)
                        .switchIfEmpty(Mono.fromSupplier(() -> byAddress.take(address)));
        return decision.flatMap(wait -> wait.isEmpty() ? proceed.get() : refuse(exchange, route, anonymous, wait.get()));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String route, boolean anonymous, Duration wait) {
        Counter.builder("tally.gateway.rate-limited")
                .description("Requests refused for going over their rate")
                .tag("route", route)
                .tag("key", anonymous ? "address" : "subject")
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
    }
}
