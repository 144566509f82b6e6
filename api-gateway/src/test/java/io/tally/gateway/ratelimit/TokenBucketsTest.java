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
            assertThat(buckets.take("a")).isEmpty();
        }

        assertThat(buckets.take("a")).contains(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        for (int request = 0; request < 3; request++) {
            buckets.take("a");
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("a")).isEmpty();
        assertThat(buckets.take("a")).contains(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int request = 0; request < 3; request++) {
            assertThat(buckets.take("a")).isEmpty();
        }
        assertThat(buckets.take("a")).as("refilled up to the burst only").contains(Duration.ofMillis(500));
    }

    @Test
    void keepsEachKeyApart() {
        for (int request = 0; request < 3; request++) {
            buckets.take("a");
        }

        assertThat(buckets.take("a")).contains(Duration.ofMillis(500));
        assertThat(buckets.take("b")).isEmpty();
    }

    @Test
    void forgetsOnlyTheBucketsThatAreFullAgain() {
        buckets.take("idle");
        for (int request = 0; request < 3; request++) {
            buckets.take("busy");
        }
        now.addAndGet(Duration.ofMillis(600).toNanos());

        buckets.sweep();

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.take("busy")).isEmpty();
        assertThat(buckets.take("busy")).as("kept with the 0.2 tokens left after this take")
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
