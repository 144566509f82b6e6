package io.tally.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void keepsTheCallersIdsWhenWellFormed() {
        Correlation.Ids ids = Correlation.resolve("order-7", TRACEPARENT);

        assertThat(ids.correlationId()).isEqualTo("order-7");
        assertThat(ids.traceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void takesTheTraceIdWhenNoCorrelationIdIsGiven() {
        assertThat(Correlation.resolve(null, TRACEPARENT).correlationId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void replacesMalformedOrAllZeroTraceparents() {
        for (String bad : new String[] {"garbage", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            Correlation.Ids ids = Correlation.resolve(null, bad);
            assertThat(ids.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(bad);
            assertThat(ids.traceparent()).contains(ids.correlationId());
        }
    }

    @Test
    void refusesUnsafeOrOverlongCorrelationIds() {
        assertThat(Correlation.resolve("a b", null).correlationId()).matches("[0-9a-f]{32}");
        assertThat(Correlation.resolve("x".repeat(129), null).correlationId()).matches("[0-9a-f]{32}");
        assertThat(Correlation.resolve("x".repeat(128), null).correlationId()).isEqualTo("x".repeat(128));
    }
}
