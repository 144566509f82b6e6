package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** No customer of the caller's platform has this id: another platform's customers and operators included. */
final class AccountNotFoundException extends DomainException {

    AccountNotFoundException(String accountId) {
        super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + accountId + ".");
    }
}
