package io.tally.ledger.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latencies in nanoseconds, sorted once, read as nearest-rank percentiles in milliseconds. The
 * ledger benchmark's own minimal copy of what auth-service's and customer-service's benchmarks
 * each have: it belongs in test-support, where all three could share it.
 */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Joins the samples of clients that have stopped: each filled its own array without locking. */
    static Percentiles join(List<Samples> parts) {
        long[] all = parts.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).sorted().toArray();
        return new Percentiles(all);
    }

    static Percentiles of(long... nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest sample with at least {@code p} percent of the samples at or below it; NaN when empty. */
    double ms(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = Math.max(1, (int) Math.ceil(p / 100 * sorted.length));
        return sorted[Math.min(rank, sorted.length) - 1] / 1e6;
    }

    double maxMs() {
        return ms(100);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms", count(), ms(50), ms(99),
                maxMs());
    }

    /** One client's samples. */
    static final class Samples {
        private long[] values = new long[4096];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }
}
