package io.tally.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.support.Api;
import io.tally.testsupport.bench.Percentiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Projection lag through Kafka under a steady load: refills sent through the gateway at a fixed
 * rate (open loop: a send does not wait for the one before), and meanwhile, every so often, one
 * more refill whose answer is timed against the moment the customer's row, read through the
 * gateway, shows the balance that refill answered. The row is customer-service's read model, fed
 * by the ledger's facts on Kafka: the lag is the ledger's publication, the broker, and
 * customer-service's projection together.
 */
final class ProjectionLag {

    /** What one run measured. The load's figures count the answers that came within the measured window. */
    record Result(int rate, int seconds, long loadAnswered, long loadErrors, Percentiles loadLatency,
                  int backlogAtStart, int maxBacklog, int unsent, int probes, long probeErrors, int notSeen, long polls,
                  Percentiles lag, long windowStart, List<Timed> loadTimes, List<Timed> lagTimes) {

        double achievedRate() {
            return loadAnswered / (double) seconds;
        }
    }

    /** A duration and when it ended (a write's answer) or began (a probe's accepted refill), in System.nanoTime. */
    record Timed(long at, long nanos) {
    }

    /** How long a probe looks for its balance in the row before it counts as not seen. */
    private static final long SEEN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int PROBE_THREADS = 16;

    private final Api gateway;
    private final BenchPlatform platform;
    private final OddAnswers odd;
    private final Consumer<String> say;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong loadAnswered = new AtomicLong();
    private final AtomicLong loadErrors = new AtomicLong();
    private final AtomicInteger backlogAtStart = new AtomicInteger(-1);
    private final AtomicInteger maxBacklog = new AtomicInteger();
    private final Percentiles.Samples loadLatency = new Percentiles.Samples();
    private final List<Timed> loadTimes = new ArrayList<>();
    private final List<Timed> lagTimes = new ArrayList<>();
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicLong probeErrors = new AtomicLong();
    private final AtomicInteger notSeen = new AtomicInteger();
    private final AtomicLong polls = new AtomicLong();
    private final Percentiles.Samples lag = new Percentiles.Samples();
    private volatile long windowStart;
    private volatile long windowEnd;

    ProjectionLag(Api gateway, BenchPlatform platform, OddAnswers odd, Consumer<String> say) {
        this.gateway = gateway;
        this.platform = platform;
        this.odd = odd;
        this.say = say;
    }

    /**
     * {@code rate} refills a second over {@code loadCustomers} from {@code threads} senders, for
     * {@code warmup} uncounted seconds and then {@code seconds} measured; during the measured
     * seconds, a probe on one of {@code probeCustomers} every {@code probeMillis}, each reading
     * the row every {@code pollMillis} (or a twentieth of its wait so far, if longer) until it shows
     * its balance. The rate rises evenly from
     * nothing during the first {@code ramp} seconds of the warm-up: cold JVMs answer fewer, and
     * sends that queue up then would still be waiting when the measuring starts.
     */
    Result run(int rate, int ramp, int warmup, int seconds, int threads, int probeMillis, int pollMillis,
               List<String> loadCustomers, List<String> probeCustomers) throws InterruptedException {
        ThreadPoolExecutor senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        ExecutorService probers = Executors.newFixedThreadPool(PROBE_THREADS);
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(warmup);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        String runId = platform.runId();
        long[] submitted = {0};
        ScheduledFuture<?> load = ticks.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (long due = due(rate, ramp, (now - start) / 1e9); submitted[0] < due; submitted[0]++) {
                senders.execute(() -> loadWrite(loadCustomers, runId));
            }
            if (now >= windowStart) {
                int backlog = senders.getQueue().size();
                backlogAtStart.compareAndSet(-1, backlog);
                maxBacklog.accumulateAndGet(backlog, Math::max);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> probing = ticks.scheduleAtFixedRate(() -> {
            if (System.nanoTime() < windowEnd) {
                probers.execute(() -> probe(probeCustomers, runId, pollMillis));
            }
        }, windowStart - start, TimeUnit.MILLISECONDS.toNanos(probeMillis), TimeUnit.NANOSECONDS);
        long lastSaid = start;
        long lastAnswered = 0;
        while (System.nanoTime() < windowEnd) {
            TimeUnit.MILLISECONDS.sleep(200);
            long now = System.nanoTime();
            if (now - lastSaid >= TimeUnit.SECONDS.toNanos(5)) {
                long answered = done.get();
                say.accept(String.format(Locale.ROOT, "  steady load: %s, %.1f answered/s over the last %.0f s, backlog %d,"
                                + " %d probes, %d lags seen", now < windowStart ? "warm-up" : "measuring",
                        (answered - lastAnswered) * 1e9 / (now - lastSaid), (now - lastSaid) / 1e9,
                        senders.getQueue().size(), probes.get(), lagCount()));
                lastSaid = now;
                lastAnswered = answered;
            }
        }
        load.cancel(false);
        probing.cancel(false);
        ticks.shutdown();
        // Sends still waiting when the window closed would only be answered after it: not sent.
        int unsent = senders.getQueue().size();
        senders.getQueue().clear();
        senders.shutdown();
        probers.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        probers.awaitTermination(SEEN_TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
        Percentiles loadPercentiles;
        List<Timed> loads;
        synchronized (loadLatency) {
            loadPercentiles = Percentiles.join(List.of(loadLatency));
            loads = List.copyOf(loadTimes);
        }
        Percentiles lagPercentiles;
        List<Timed> lags;
        synchronized (lag) {
            lagPercentiles = Percentiles.join(List.of(lag));
            lags = List.copyOf(lagTimes);
        }
        return new Result(rate, seconds, loadAnswered.get(), loadErrors.get(), loadPercentiles,
                Math.max(0, backlogAtStart.get()), maxBacklog.get(), unsent, probes.get(), probeErrors.get(),
                notSeen.get(), polls.get(), lagPercentiles, windowStart, loads, lags);
    }

    /** How many sends are due {@code t} seconds after the start: the rate rises evenly over the ramp, then holds. */
    static long due(int rate, int ramp, double t) {
        if (t < ramp) {
            return (long) (rate * t * t / (2.0 * ramp));
        }
        return (long) (rate * (t - ramp / 2.0));
    }

    /** One refill of the steady load, counted when its answer came within the measured window. */
    private void loadWrite(List<String> customers, String runId) {
        long n = sequence.getAndIncrement();
        String customer = customers.get((int) (n % customers.size()));
        long t0 = System.nanoTime();
        boolean ok;
        try {
            Api.Response response = BenchPlatform.send(gateway, "POST",
                    "/api/v1/customers/" + customer + "/balance/refills", platform.adminToken(),
                    BenchPlatform.REFILL_BODY, "lag-" + runId + "-" + n);
            ok = response.status() == 200;
            if (!ok) {
                odd.note("steady refill answered " + response);
            }
        } catch (IOException | RuntimeException e) {
            ok = false;
            odd.note("steady refill failed: " + e);
        }
        long t1 = System.nanoTime();
        if (t1 >= windowStart && t1 < windowEnd) {
            if (ok) {
                loadAnswered.incrementAndGet();
                synchronized (loadLatency) {
                    loadLatency.add(t1 - t0);
                    loadTimes.add(new Timed(t1, t1 - t0));
                }
            } else {
                loadErrors.incrementAndGet();
            }
        }
        done.incrementAndGet();
    }

    /**
     * One refill, then the row read until its balance is at least what the refill answered (only
     * probes write to these customers, and refills only add). Lag: from the refill's answer to
     * the answer of the first read that shows it, so it is rounded up by at most one read (or 5%).
     */
    private void probe(List<String> customers, String runId, int pollMillis) {
        int n = probes.getAndIncrement();
        String customer = customers.get(n % customers.size());
        String token = platform.adminToken();
        long accepted;
        BigDecimal balance;
        try {
            Api.Response refill = BenchPlatform.send(gateway, "POST",
                    "/api/v1/customers/" + customer + "/balance/refills", token, BenchPlatform.REFILL_BODY,
                    "probe-" + runId + "-" + n);
            accepted = System.nanoTime();
            if (refill.status() != 200) {
                probeErrors.incrementAndGet();
                odd.note("probe refill answered " + refill);
                return;
            }
            balance = new BigDecimal(refill.json().path("balance").asText());
        } catch (IOException | RuntimeException e) {
            probeErrors.incrementAndGet();
            odd.note("probe refill failed: " + e);
            return;
        }
        try {
            while (true) {
                long asked = System.nanoTime();
                boolean shown = shows(customer, token, balance);
                long answered = System.nanoTime();
                if (shown) {
                    synchronized (lag) {
                        lag.add(answered - accepted);
                        lagTimes.add(new Timed(accepted, answered - accepted));
                    }
                    return;
                }
                if (answered - accepted > SEEN_TIMEOUT_NANOS) {
                    notSeen.incrementAndGet();
                    odd.note("customer " + customer + " did not show balance " + balance + " within "
                            + TimeUnit.NANOSECONDS.toSeconds(SEEN_TIMEOUT_NANOS) + " s");
                    return;
                }
                // A late row is read less often: every pollMillis, or a twentieth of the wait so far if longer,
                // so that probes far behind do not load the stack they measure (the lag is then rounded up by
                // at most one read or 5%).
                long interval = Math.max(TimeUnit.MILLISECONDS.toNanos(pollMillis), (answered - accepted) / 20);
                long next = asked + interval - System.nanoTime();
                if (next > 0) {
                    TimeUnit.NANOSECONDS.sleep(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean shows(String customer, String token, BigDecimal balance) {
        polls.incrementAndGet();
        try {
            Api.Response row = gateway.get("/api/v1/customers/" + customer, token);
            if (row.status() != 200) {
                odd.note("customer row answered " + row);
                return false;
            }
            JsonNode shown = row.json().path("balance");
            return shown.isTextual() && new BigDecimal(shown.asText()).compareTo(balance) >= 0;
        } catch (UncheckedIOException e) {
            odd.note("customer row failed: " + e);
            return false;
        }
    }

    private int lagCount() {
        synchronized (lag) {
            return lag.size();
        }
    }
}
