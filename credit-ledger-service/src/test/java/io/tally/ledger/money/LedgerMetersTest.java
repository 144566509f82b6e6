package io.tally.ledger.money;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LedgerMeters meters = new LedgerMeters(registry);

    private double writes(String operation, String outcome) {
        Counter counter = registry.find(LedgerMeters.WRITES).tag("operation", operation).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachWriteIsCountedByOperationAndOutcomeAndARefusalByItsRule() {
        assertThat(meters.count("refill", () -> "first", answer -> false)).isEqualTo("first");
        assertThat(meters.count("refill", () -> "again", answer -> true)).isEqualTo("again");
        assertThatThrownBy(() -> meters.<String>count("deduction", () -> {
            throw new IdempotencyKeyReusedException();
        }, answer -> false)).isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(writes("refill", "applied")).isEqualTo(1);
        assertThat(writes("refill", "replayed")).isEqualTo(1);
        assertThat(writes("deduction", "idempotency_key_reused")).isEqualTo(1);
        assertThat(writes("deduction", "applied")).isZero();
    }
}
