package io.tally.ledger.money;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.service.web.DomainException;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code tally.ledger.writes{operation, outcome}}: every money command that reached the ledger,
 * by operation ({@code refill}, {@code deduction}, {@code credits}, {@code pool_total}) and
 * outcome ({@code applied}, {@code replayed}, or the code of the rule that refused it, such as
 * {@code insufficient_balance}).
 */
@Component
public class LedgerMeters {

    static final String WRITES = "tally.ledger.writes";

    private final MeterRegistry meters;

    public LedgerMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Runs the write and counts its outcome; {@code replayed} tells a retry's answer from a new one. */
    public <T> T count(String operation, Supplier<T> write, Predicate<T> replayed) {
        try {
            T outcome = write.get();
            record(operation, replayed.test(outcome) ? "replayed" : "applied");
            return outcome;
        } catch (DomainException refused) {
            record(operation, refused.code());
            throw refused;
        }
    }

    private void record(String operation, String outcome) {
        meters.counter(WRITES, "operation", operation, "outcome", outcome).increment();
    }
}
