package io.tally.ledger.credits;

import io.tally.service.web.DomainException;

/** A customer's credits raised by more than the pool has available. */
final class ExceedsPoolAvailableException extends DomainException {

    ExceedsPoolAvailableException(String most) {
        super(Kind.CONFLICT, "exceeds_pool_available", "amount",
                "The customer can have at most " + most + " credits (theirs plus the pool's available); "
                        + "nothing was changed.");
    }
}
