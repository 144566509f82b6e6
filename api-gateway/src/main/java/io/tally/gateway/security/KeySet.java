package io.tally.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * auth-service's public keys, fetched from its JWKS and kept. A token naming a key the set does
 * not hold makes the gateway fetch the set again (a rotation brings a new key), but at most once
 * per {@link #COOL_DOWN}: a stream of tokens with made-up key ids costs auth-service one fetch,
 * not one each, and is refused as unverifiable meanwhile. The set is also fetched again once it
 * is {@link #MAX_AGE} old, so that a retired key stops being accepted. Concurrent requests share
 * one fetch; a fetch that fails is an error the gateway answers with 503 (tokens cannot be
 * checked now), never a refusal of the token.
 */
final class KeySet implements Function<SignedJWT, Flux<JWK>> {

    static final Duration COOL_DOWN = Duration.ofSeconds(10);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final WebClient client;
    private final String url;
    private final Clock clock;
    private volatile Fetched current;
    private volatile Mono<Fetched> inFlight;

    /** One fetch's keys and when it was asked for. */
    private record Fetched(JWKSet keys, Instant at) {
    }

    KeySet(WebClient client, String url, Clock clock) {
        this.client = client;
        this.url = url;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        Fetched known = current;
        Instant now = clock.instant();
        List<JWK> matching = known == null ? List.of() : selector.select(known.keys());
        if (known != null && now.isBefore(known.at().plus(MAX_AGE))
                && (!matching.isEmpty() || now.isBefore(known.at().plus(COOL_DOWN)))) {
            return Flux.fromIterable(matching);
        }
        Mono<Fetched> fetched = fetch();
        if (!matching.isEmpty()) {
            // A set past its age still vouches for the keys it holds while auth-service cannot be reached.
            fetched = fetched.onErrorReturn(known);
        }
        return fetched.flatMapIterable(keys -> selector.select(keys.keys()));
    }

    /** The set fetched now, or the fetch already on its way. */
    private Mono<Fetched> fetch() {
        Mono<Fetched> shared = inFlight;
        if (shared != null) {
            return shared;
        }
        synchronized (this) {
            if (inFlight == null) {
                Instant asked = clock.instant();
                inFlight = client.get().uri(url).retrieve().bodyToMono(String.class)
                        .switchIfEmpty(Mono.error(() -> new JwtException("The key set answer was empty")))
                        .map(body -> new Fetched(parse(body), asked))
                        .onErrorMap(failure -> !(failure instanceof JwtException),
                                failure -> new JwtException("The key set cannot be fetched: " + failure.getMessage(), failure))
                        // Settled before the answer goes on, so that the next request after it sees the new state.
                        .doOnNext(fetched -> {
                            current = fetched;
                            inFlight = null;
                        })
                        .doOnError(failure -> inFlight = null)
                        .cache();
            }
            return inFlight;
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new JwtException("The key set is not a JWKS", e);
        }
    }
}
