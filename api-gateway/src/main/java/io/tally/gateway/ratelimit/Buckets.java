package io.tally.gateway.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The token buckets of one limit, one per key (a client address or a token subject), kept in this gateway's memory
 * ({@link TokenBuckets}) or shared by every gateway in Redis ({@link RedisBuckets}).
 */
interface Buckets {

    /** Takes one request's token: empty when granted, else how long until one is there. Nothing is taken then. */
    Mono<Optional<Duration>> take(String key);

    /** How long until the key's next token, without taking one; empty when one is there. */
    Mono<Optional<Duration>> peek(String key);

    /** The buckets this gateway keeps in its own memory (for the gauges). */
    int localSize();

    /** Forgets the buckets in this gateway's memory that are full again. */
    void sweep();
}
