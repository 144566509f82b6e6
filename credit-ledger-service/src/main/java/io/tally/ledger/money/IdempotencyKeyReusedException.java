package io.tally.ledger.money;

import io.tally.service.web.DomainException;

/** The same Idempotency-Key with another request: the first request's key is kept for good. */
final class IdempotencyKeyReusedException extends DomainException {

    IdempotencyKeyReusedException() {
        super(Kind.UNPROCESSABLE, "idempotency_key_reused", "Idempotency-Key",
                "This Idempotency-Key was used for another request; use a new key for a new request.");
    }
}
