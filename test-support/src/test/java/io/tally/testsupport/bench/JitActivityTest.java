package io.tally.testsupport.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JitActivityTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final AtomicLong compiledMillis = new AtomicLong();
    private final JitActivity jit = new JitActivity(compiledMillis::get, now::get, 10 * SECOND, 0.05);

    /** Each second of wall time, the compilers spend {@code millis}. */
    private void seconds(int count, long millis) {
        for (int i = 0; i < count; i++) {
            now.addAndGet(SECOND);
            compiledMillis.addAndGet(millis);
            jit.settled();
        }
    }

    @Test
    void isNotSettledBeforeAWholeWindowWasWatched() {
        seconds(9, 0);

        assertThat(jit.settled()).isFalse();
        seconds(1, 0);
        assertThat(jit.settled()).isTrue();
    }

    @Test
    void isNotSettledWhileTheCompilersAreBusy() {
        seconds(30, 400);

        assertThat(jit.share()).isCloseTo(0.4, within(0.001));
        assertThat(jit.settled()).isFalse();
    }

    @Test
    void settlesOnceTheLastWindowWasQuietWhateverCameBefore() {
        seconds(60, 700);
        seconds(5, 10);
        assertThat(jit.settled()).as("half the window still busy").isFalse();

        seconds(5, 10);

        assertThat(jit.share()).isCloseTo(0.01, within(0.001));
        assertThat(jit.settled()).isTrue();
    }

    @Test
    void aQuietShareJustAboveTheLimitIsNotSettled() {
        seconds(20, 50);

        assertThat(jit.share()).isCloseTo(0.05, within(0.001));
        assertThat(jit.settled()).isFalse();
    }

    @Test
    void samplesAtMostOnceASecond() {
        seconds(10, 0);
        now.addAndGet(SECOND / 2);
        compiledMillis.addAndGet(1_000);

        assertThat(jit.share()).as("the half second's compiling is not sampled yet").isZero();
        now.addAndGet(SECOND / 2);
        assertThat(jit.share()).isCloseTo(0.1, within(0.001));
    }

    @Test
    void measuresAStepFromAMark() {
        seconds(5, 900);
        JitActivity.Mark mark = jit.mark();

        seconds(20, 30);

        assertThat(jit.shareSince(mark)).isCloseTo(0.03, within(0.001));
    }

    @Test
    void watchesThisJvm() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        JitActivity mine = JitActivity.ofThisJvm(10, TimeUnit.SECONDS, 0.05);

        assertThat(mine).as("HotSpot reports its compilation time").isNotNull();
        long before = compiler.getTotalCompilationTime();
        JitActivity.Mark mark = mine.mark();
        long after = compiler.getTotalCompilationTime();
        assertThat(mark.compiledMillis()).as("the compilers' time of this JVM").isBetween(before, after);
        assertThat(mine.share()).as("one sample so far, less than a second old: nothing to compare").isZero();
    }
}
