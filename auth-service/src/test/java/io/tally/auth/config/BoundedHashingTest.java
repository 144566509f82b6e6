package io.tally.auth.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedHashingTest {

    /** Counts the hashes in progress and holds each until released. */
    private static final class HeldEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void hashesBeyondTheBoundWaitTheirTurnAndAllComplete() throws Exception {
        HeldEncoder held = new HeldEncoder();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoundedHashing bounded = new BoundedHashing(held, 2, meters);
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            List<Future<Boolean>> logins = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                logins.add(clients.submit(() -> bounded.matches("password", "hash")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (meters.get("tally.auth.hashing.waiting").gauge().value() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(held.running.get()).isEqualTo(2);
            assertThat(meters.get("tally.auth.hashing.waiting").gauge().value()).isEqualTo(3.0);

            held.release.countDown();
            for (Future<Boolean> login : logins) {
                assertThat(login.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(held.mostAtOnce.get()).isEqualTo(2);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedHashing(new HeldEncoder(), 0, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
