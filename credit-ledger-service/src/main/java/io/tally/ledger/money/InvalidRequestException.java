package io.tally.ledger.money;

import io.tally.service.web.DomainException;

/** A money write without a usable Idempotency-Key, or with a note the ledger does not keep. */
final class InvalidRequestException extends DomainException {

    InvalidRequestException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
