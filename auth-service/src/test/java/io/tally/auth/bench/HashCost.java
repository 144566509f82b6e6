package io.tally.auth.bench;

import io.tally.service.security.Secrets;
import io.tally.testsupport.bench.Percentiles;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The cost of one {@link PasswordEncoder#matches} in this JVM on one thread, for the service's
 * Argon2id default and the candidates it was chosen against. Every login pays exactly one such
 * comparison (an unknown user too), so its time bounds the logins a core can serve.
 */
final class HashCost {

    /** An encoder under test, named by its algorithm and parameters. */
    record Candidate(String algorithm, String parameters, PasswordEncoder encoder) {
    }

    /** One candidate's timed comparisons. */
    record Result(String algorithm, String parameters, Percentiles timings) {

        /** What one core could verify in a second, at the median. */
        double perCoreSecond() {
            return 1000.0 / timings.ms(50);
        }
    }

    private HashCost() {
    }

    /**
     * The service's default first (TokenConfig: 16-byte salt, 32-byte hash, 1 lane, 19456 KiB,
     * 2 iterations), then OWASP's stronger Argon2id example and bcrypt at Spring's default
     * strength 10 and at 12.
     */
    static List<Candidate> candidates() {
        return List.of(
                new Candidate("argon2id", "m=19456 KiB, t=2, p=1 (default)",
                        new Argon2PasswordEncoder(16, 32, 1, 19456, 2)),
                new Candidate("argon2id", "m=65536 KiB, t=3, p=1",
                        new Argon2PasswordEncoder(16, 32, 1, 65536, 3)),
                new Candidate("bcrypt", "strength 10", new BCryptPasswordEncoder(10)),
                new Candidate("bcrypt", "strength 12", new BCryptPasswordEncoder(12)));
    }

    /** {@code warmup} untimed comparisons (the JIT compiles the hash), then {@code runs} timed ones. */
    static Result measure(Candidate candidate, int warmup, int runs, Consumer<String> progress) {
        // As long as the passwords the service generates; what the characters are does not change the cost.
        String password = Secrets.newToken().substring(0, 20);
        String hash = candidate.encoder().encode(password);
        String label = candidate.algorithm() + " " + candidate.parameters();
        for (int i = 0; i < warmup; i++) {
            compare(candidate, password, hash);
        }
        long[] timings = new long[runs];
        long lastPrint = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            compare(candidate, password, hash);
            timings[i] = System.nanoTime() - started;
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                progress.accept(String.format(Locale.ROOT, "  hash cost %s: %d/%d timed", label, i + 1, runs));
            }
        }
        Result result = new Result(candidate.algorithm(), candidate.parameters(), Percentiles.of(timings));
        progress.accept(String.format(Locale.ROOT, "  hash cost %s: %d/%d timed, median %.1f ms (min %.1f, max %.1f)",
                label, runs, runs, result.timings().ms(50), result.timings().minMs(),
                result.timings().maxMs()));
        return result;
    }

    /** A comparison that fails would time the wrong thing: it must succeed. */
    private static void compare(Candidate candidate, String password, String hash) {
        if (!candidate.encoder().matches(password, hash)) {
            throw new IllegalStateException(candidate.algorithm() + " " + candidate.parameters()
                    + " did not match its own hash");
        }
    }
}
