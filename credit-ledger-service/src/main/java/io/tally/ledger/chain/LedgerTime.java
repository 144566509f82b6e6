package io.tally.ledger.chain;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instant a ledger entry is made, to the microsecond: the precision PostgreSQL keeps, so
 * that the event (and its hash), the billing details and an as-of query all name one instant.
 * Axon's event clock, so that tests can move it.
 */
public final class LedgerTime {

    private LedgerTime() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
