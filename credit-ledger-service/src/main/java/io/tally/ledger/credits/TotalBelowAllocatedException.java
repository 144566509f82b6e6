package io.tally.ledger.credits;

import io.tally.service.web.DomainException;

/** A pool's total set below what its customers hold. */
final class TotalBelowAllocatedException extends DomainException {

    TotalBelowAllocatedException(String allocated) {
        super(Kind.CONFLICT, "total_below_allocated", "total",
                "The pool's total cannot be less than the " + allocated + " credits allocated to customers.");
    }
}
