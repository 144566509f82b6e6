package io.tally.customer.bench;

import io.tally.testsupport.bench.Percentiles;

import java.util.List;

/** Latency samples in nanoseconds from any number of threads, read as {@link Percentiles}. */
final class Latencies {

    private final Percentiles.Samples samples = new Percentiles.Samples();

    synchronized void add(long nanos) {
        samples.add(nanos);
    }

    synchronized int size() {
        return samples.size();
    }

    /** The samples so far, sorted into a copy. */
    synchronized Percentiles summary() {
        return Percentiles.join(List.of(samples));
    }
}
