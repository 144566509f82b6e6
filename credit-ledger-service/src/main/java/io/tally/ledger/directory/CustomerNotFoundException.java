package io.tally.ledger.directory;

import io.tally.service.web.DomainException;

/** No customer of the caller's platform by this id: unknown, malformed and another platform's look the same. */
public final class CustomerNotFoundException extends DomainException {

    public CustomerNotFoundException(String customerId) {
        super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + customerId + ".");
    }
}
