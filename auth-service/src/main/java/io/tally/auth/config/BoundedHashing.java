package io.tally.auth.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A password encoder that hashes at most a fixed number of passwords at once. Each Argon2id
 * hash takes 19 MiB and a core for tens of milliseconds: run thirty of them side by side on two
 * cores and they only thrash memory and caches, each one slower than all of them queued (the
 * benchmark measured fewer logins per second at 32 clients than at 8 before this bound). Queued
 * fairly, the sign-ins beyond the bound wait their turn instead.
 */
final class BoundedHashing implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedHashing(PasswordEncoder delegate, int concurrentHashes, MeterRegistry meters) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("At least one hash at a time: " + concurrentHashes);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentHashes, true);
        Gauge.builder("tally.auth.hashing.waiting", permits, Semaphore::getQueueLength)
                .description("Password hashes waiting for their turn").register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hashing) {
        try {
            permits.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to hash a password", interrupted);
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }
}
