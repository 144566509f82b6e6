package io.tally.testsupport.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Durations in nanoseconds, sorted once, read as nearest-rank percentiles in milliseconds. Each
 * benchmark client fills its own {@link Samples} (no locking on the measured path); they are
 * joined when the clients have stopped.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Joins the samples of clients that have stopped: each filled its own without locking. */
    public static Percentiles join(List<Samples> parts) {
        long[] all = parts.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).sorted().toArray();
        return new Percentiles(all);
    }

    public static Percentiles of(long... nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest sample with at least {@code p} percent of the samples at or below it; NaN when empty. */
    public double ms(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = Math.max(1, (int) Math.ceil(p / 100 * sorted.length));
        return sorted[Math.min(rank, sorted.length) - 1] / 1e6;
    }

    /** The smallest sample; NaN when empty. */
    public double minMs() {
        return ms(0);
    }

    /** The largest sample; NaN when empty. */
    public double maxMs() {
        return ms(100);
    }

    /** The mean, cut to whole nanoseconds; NaN when empty. */
    public double meanMs() {
        return sorted.length == 0 ? Double.NaN : (long) Arrays.stream(sorted).average().orElse(0) / 1e6;
    }

    /** Count, median, p99 and maximum to two decimals: {@code n=200 p50=1.23 ms p99=4.56 ms max=7.89 ms}. */
    public String brief() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count(), ms(50), ms(99),
                maxMs());
    }

    /** Count, median, p99 and maximum to one decimal: {@code n=200 p50 1.2 ms, p99 4.6 ms, max 7.9 ms}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms", count(), ms(50), ms(99),
                maxMs());
    }

    /** One client's samples, growing as needed; not for sharing between threads unlocked. */
    public static final class Samples {
        private long[] values = new long[4096];
        private int size;

        public void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        public int size() {
            return size;
        }
    }
}
