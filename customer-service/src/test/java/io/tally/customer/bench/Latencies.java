package io.tally.customer.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds and their nearest-rank percentiles, reported in milliseconds. */
final class Latencies {

    private long[] samples = new long[256];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    /** Percentiles of a sorted copy of the samples. */
    static final class Summary {
        private final long[] sorted;

        private Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /** The nearest-rank percentile: the smallest sample with at least {@code p} percent at or below it. */
        double percentileMillis(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return millis(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]);
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : millis(sorted[sorted.length - 1]);
        }

        double minMillis() {
            return sorted.length == 0 ? Double.NaN : millis(sorted[0]);
        }

        double meanMillis() {
            return sorted.length == 0 ? Double.NaN : millis((long) Arrays.stream(sorted).average().orElse(0));
        }

        String brief() {
            return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", count(),
                    percentileMillis(50), percentileMillis(99), maxMillis());
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
