package io.tally.ledger.money;

import io.tally.service.web.DomainException;

/**
 * Another request recorded the same Idempotency-Key on the same ledger while this one was being decided: the
 * index's primary key refused this one's entry, and its whole transaction rolls back.
 */
final class IdempotencyKeyRaceException extends DomainException {

    IdempotencyKeyRaceException() {
        super(Kind.CONFLICT, "idempotency_key_in_use", MoneyRequests.IDEMPOTENCY_KEY,
                "Another request with this Idempotency-Key was recorded at the same moment; retry with the same key.");
    }
}
