package io.tally.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(new RateLimitSettings.Limit(2, 3), now::get);

    @Test
    void grantsTheBurstThenSaysHowLongToWait() {
        for (int request = 0; request < 3; request++) {
            assertThat(buckets.takeNow("a")).isEmpty();
        }

        assertThat(buckets.takeNow("a")).contains(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        for (int request = 0; request < 3; request++) {
            buckets.takeNow("a");
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.takeNow("a")).isEmpty();
        assertThat(buckets.takeNow("a")).contains(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int request = 0; request < 3; request++) {
            assertThat(buckets.takeNow("a")).isEmpty();
        }
        assertThat(buckets.takeNow("a")).as("refilled up to the burst only").contains(Duration.ofMillis(500));
    }

    @Test
    void keepsEachKeyApart() {
        for (int request = 0; request < 3; request++) {
            buckets.takeNow("a");
        }

        assertThat(buckets.takeNow("a")).contains(Duration.ofMillis(500));
        assertThat(buckets.takeNow("b")).isEmpty();
    }

    @Test
    void forgetsOnlyTheBucketsThatAreFullAgain() {
        buckets.takeNow("idle");
        for (int request = 0; request < 3; request++) {
            buckets.takeNow("busy");
        }
        now.addAndGet(Duration.ofMillis(600).toNanos());

        buckets.sweep();

        assertThat(buckets.localSize()).isEqualTo(1);
        assertThat(buckets.takeNow("busy")).isEmpty();
        assertThat(buckets.takeNow("busy")).as("kept with the 0.2 tokens left after this take")
                .contains(Duration.ofMillis(400));
    }

    @Test
    void refusesALimitThatCouldNeverGrant() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitSettings.Limit(0, 3));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitSettings.Limit(1, 0));
    }
}
