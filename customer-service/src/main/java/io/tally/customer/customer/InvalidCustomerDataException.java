package io.tally.customer.customer;

import io.tally.service.web.DomainException;

/** A customer's data breaks a rule of the profile, the billing information or the tags; the code names the rule. */
final class InvalidCustomerDataException extends DomainException {

    InvalidCustomerDataException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
