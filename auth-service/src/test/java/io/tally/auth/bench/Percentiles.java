package io.tally.auth.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations in nanoseconds, sorted once, and their nearest-rank percentiles in milliseconds.
 * Each benchmark client keeps its own {@link Recorder} (no locking on the measured path); the
 * step joins them when its clients have ended.
 */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] samples) {
        this.sorted = samples;
        Arrays.sort(this.sorted);
    }

    /** The samples of all recorders, which their threads no longer touch. */
    static Percentiles of(Iterable<Recorder> recorders) {
        long[] all = new long[0];
        for (Recorder recorder : recorders) {
            int start = all.length;
            all = Arrays.copyOf(all, start + recorder.size);
            System.arraycopy(recorder.samples, 0, all, start, recorder.size);
        }
        return new Percentiles(all);
    }

    static Percentiles of(long[] samples) {
        return new Percentiles(samples.clone());
    }

    int count() {
        return sorted.length;
    }

    /** The smallest sample with at least {@code p} percent of all at or below it. */
    double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    double minMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[0] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    String brief() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count(), millis(50),
                millis(99), maxMillis());
    }

    /** One thread's samples, growing as needed. */
    static final class Recorder {
        private long[] samples = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }
    }
}
