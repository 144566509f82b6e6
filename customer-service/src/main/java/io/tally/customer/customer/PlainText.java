package io.tally.customer.customer;

import io.tally.contracts.customer.PostalAddress;

/**
 * Free text that may be stored, listed and exported: no control characters. A NUL byte in
 * particular could be stored in an event but never in a PostgreSQL text column, and would stop
 * every projection that reads it.
 */
public final class PlainText {

    private PlainText() {
    }

    public static void require(String field, String value) {
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidCustomerDataException("control_character", field,
                    field + " must not contain control characters.");
        }
    }

    public static void require(String field, PostalAddress address) {
        if (address != null) {
            require(field + ".line1", address.line1());
            require(field + ".line2", address.line2());
            require(field + ".city", address.city());
            require(field + ".postalCode", address.postalCode());
            require(field + ".region", address.region());
            require(field + ".country", address.country());
        }
    }
}
