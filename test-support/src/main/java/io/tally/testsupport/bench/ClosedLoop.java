package io.tally.testsupport.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A number of clients, one thread each, sending request after request (each waits for its
 * answer before the next) for an uncounted warm-up and then a measured window. A request counts
 * in the window in which its answer came. Every 5 s a progress line tells how far it is.
 */
public final class ClosedLoop {

    /** One client's requests; made on the client's own thread before the clock starts. */
    public interface Client {

        /** One request; true when it was answered as it should be. */
        boolean send() throws IOException, InterruptedException;

        /** After the client's last request: anything it left unsettled. */
        default void finish() throws IOException, InterruptedException {
        }
    }

    @FunctionalInterface
    public interface ClientFactory {
        Client create(int index) throws IOException, InterruptedException;
    }

    /** What a run measured: the answers within the window, their latencies, and the failures. */
    public record Result(String name, int clients, double seconds, long errors, Percentiles latency) {

        public double perSecond() {
            return latency.count() / seconds;
        }
    }

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Requests that got no answer at all are counted as errors; the first few of a run are shown. */
    private static final int IO_ERRORS_SHOWN = 3;

    private final Consumer<String> say;

    public ClosedLoop(Consumer<String> say) {
        this.say = say;
    }

    /** {@code warmup} uncounted seconds, then {@code seconds} measured. */
    public Result run(String name, int clients, int warmup, int seconds, ClientFactory factory)
            throws InterruptedException {
        return run(name, clients, warmup, seconds, () -> false, factory);
    }

    /**
     * As {@link #run(String, int, int, int, ClientFactory)}, but the clients also stop as soon as
     * {@code enough} holds; the measured seconds are then those that really passed.
     */
    public Result run(String name, int clients, int warmup, int seconds, BooleanSupplier enough,
                      ClientFactory factory)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong ioErrors = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Percentiles.Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            Percentiles.Samples mine = new Percentiles.Samples();
            samples.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    Client client;
                    try {
                        client = factory.create(index);
                    } finally {
                        ready.countDown();
                    }
                    go.await();
                    while (failure.get() == null && System.nanoTime() < window[1] && !enough.getAsBoolean()) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = client.send();
                        } catch (IOException e) {
                            ok = false;
                            if (ioErrors.incrementAndGet() <= IO_ERRORS_SHOWN) {
                                say.accept("  " + name + ": request failed: " + e);
                            }
                        }
                        long t1 = System.nanoTime();
                        sent.incrementAndGet();
                        lastAnswer.accumulateAndGet(t1, Math::max);
                        if (t1 >= window[0] && t1 < window[1]) {
                            if (ok) {
                                mine.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                    client.finish();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-" + name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        window[0] = start;
        window[1] = start + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown(); // publishes window[] to the clients
        progress(name, threads, window, sent);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a client failed", failure.get());
        }
        double measured = Math.max(0, Math.min(window[1], lastAnswer.get()) - window[0]) / 1e9;
        return new Result(name, clients, enough.getAsBoolean() ? measured : seconds, errors.get(),
                Percentiles.join(samples));
    }

    private void progress(String name, List<Thread> threads, long[] window, AtomicLong sent)
            throws InterruptedException {
        long lastTime = System.nanoTime();
        long lastCount = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            TimeUnit.MILLISECONDS.sleep(200);
            long now = System.nanoTime();
            if (now - lastTime < PROGRESS_NANOS) {
                continue;
            }
            long count = sent.get();
            String phase = now < window[0]
                    ? String.format(Locale.ROOT, "warm-up, %.0f s to go", (window[0] - now) / 1e9)
                    : String.format(Locale.ROOT, "measuring %.0f s", (now - window[0]) / 1e9);
            say.accept(String.format(Locale.ROOT, "  %s, %d clients: %s, %d answered, %.1f/s over the last %.0f s",
                    name, threads.size(), phase, count, (count - lastCount) * 1e9 / (now - lastTime),
                    (now - lastTime) / 1e9));
            lastTime = now;
            lastCount = count;
        }
    }
}
