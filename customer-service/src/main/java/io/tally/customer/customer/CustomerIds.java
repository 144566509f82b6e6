package io.tally.customer.customer;

import java.util.UUID;

/** A customer id as a request names it. */
public final class CustomerIds {

    private CustomerIds() {
    }

    /** The id in its canonical form; a malformed id names no customer of the platform: 404, as for a foreign one. */
    public static String require(String customerId) {
        try {
            return UUID.fromString(customerId).toString();
        } catch (IllegalArgumentException malformed) {
            throw new CustomerNotFoundException(customerId);
        }
    }
}
