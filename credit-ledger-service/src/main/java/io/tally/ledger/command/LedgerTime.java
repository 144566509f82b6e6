package io.tally.ledger.command;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instant a ledger entry is made, to the microsecond: the precision PostgreSQL keeps, so
 * that the event (and its hash), the billing details and an as-of query all name one instant.
 * Axon's event clock, so that tests can move it.
 */
final class LedgerTime {

    private LedgerTime() {
    }

    static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
