package io.tally.service.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance's share of a processor's segments: every segment held by someone, none by more than its share. */
class SegmentSharesTest {

    @Test
    void oneInstanceHoldsEverySegment() {
        assertThat(SegmentShares.share(2, 1)).isEqualTo(2);
        assertThat(SegmentShares.share(5, 1)).isEqualTo(5);
    }

    @Test
    void instancesShareTheSegmentsRoundingUp() {
        assertThat(SegmentShares.share(2, 2)).isEqualTo(1);
        assertThat(SegmentShares.share(3, 2)).isEqualTo(2);
        assertThat(SegmentShares.share(2, 3)).isEqualTo(1);
        for (int segments = 1; segments <= 8; segments++) {
            for (int instances = 1; instances <= 8; instances++) {
                int share = SegmentShares.share(segments, instances);
                assertThat(share * instances).as("%d segments, %d instances", segments, instances)
                        .isGreaterThanOrEqualTo(segments);
                assertThat((share - 1) * instances).isLessThan(segments);
            }
        }
    }

    @Test
    void noInstanceCountedIsOneInstance() {
        assertThat(SegmentShares.share(2, 0)).isEqualTo(2);
    }
}
