package io.tally.customer.customer;

import io.tally.service.web.DomainException;

/** No such customer on the caller's platform: unknown, malformed, another platform's or another kind's id alike. */
public final class CustomerNotFoundException extends DomainException {

    public CustomerNotFoundException(String customerId) {
        super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + customerId + " on this platform.");
    }
}
