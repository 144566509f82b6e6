package io.tally.testsupport.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How busy this JVM's JIT compilers are: the time they spent compiling per second of wall time,
 * as a share of one core. A service in the benchmark's own JVM keeps compiling long after its
 * first requests (Spring, Axon, Jackson, Tomcat, the Kafka client: a lot of code reaches the
 * optimising compiler late), and a step measured meanwhile pays for it on the cores it shares.
 * {@link #settled} tells a warm-up when that has died down.
 */
public final class JitActivity {

    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier compilationMillis;
    private final LongSupplier clock;
    private final long windowNanos;
    private final double quietShare;
    private final Deque<long[]> samples = new ArrayDeque<>();

    JitActivity(LongSupplier compilationMillis, LongSupplier clock, long windowNanos, double quietShare) {
        this.compilationMillis = compilationMillis;
        this.clock = clock;
        this.windowNanos = windowNanos;
        this.quietShare = quietShare;
        sample();
    }

    /**
     * Watches this JVM: settled once a whole {@code window} passed with the compilers busy for
     * less than {@code quietShare} of one core. Null when the JVM does not report compilation time.
     */
    public static JitActivity ofThisJvm(long window, TimeUnit unit, double quietShare) {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
            return null;
        }
        return new JitActivity(bean::getTotalCompilationTime, System::nanoTime, unit.toNanos(window), quietShare);
    }

    /** A moment, and the compilers' time up to it. */
    public record Mark(long nanos, long compiledMillis) {
    }

    /** Now, to measure a step's compiling from with {@link #shareSince}. */
    public Mark mark() {
        return new Mark(clock.getAsLong(), compilationMillis.getAsLong());
    }

    /** The compilers' share of one core since {@code mark}. */
    public double shareSince(Mark mark) {
        Mark now = mark();
        long nanos = now.nanos() - mark.nanos();
        return nanos <= 0 ? 0 : (now.compiledMillis() - mark.compiledMillis()) * 1e6 / nanos;
    }

    /** The compilers' share of one core over the last window (or as much of it as was watched). */
    public synchronized double share() {
        sample();
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long nanos = last[0] - first[0];
        return nanos == 0 ? 0 : (last[1] - first[1]) * 1e6 / nanos;
    }

    /** True once a whole window was watched and the compilers were quiet in it. Cheap: samples once a second. */
    public synchronized boolean settled() {
        sample();
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        return last[0] - first[0] >= windowNanos && share() < quietShare;
    }

    /** A new sample when a second has passed since the last; samples older than the window are dropped. */
    private void sample() {
        long now = clock.getAsLong();
        long[] last = samples.peekLast();
        if (last != null && now - last[0] < SAMPLE_NANOS) {
            return;
        }
        samples.addLast(new long[] {now, compilationMillis.getAsLong()});
        // Keep the newest sample at least a window old as the window's start.
        while (samples.size() > 2) {
            Iterator<long[]> oldest = samples.iterator();
            oldest.next();
            if (now - oldest.next()[0] < windowNanos) {
                break;
            }
            samples.removeFirst();
        }
    }
}
