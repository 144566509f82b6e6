package io.tally.ledger.command;

import io.tally.service.web.DomainException;

/** Every named rejection of credit-ledger-service. */
public final class Rejections {

    private Rejections() {
    }

    public static final class InvalidAmountException extends DomainException {
        public InvalidAmountException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    public static final class InvalidRequestException extends DomainException {
        public InvalidRequestException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    public static final class CustomerNotFoundException extends DomainException {
        public CustomerNotFoundException(String customerId) {
            super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + customerId + ".");
        }
    }

    public static final class PlatformNotFoundException extends DomainException {
        public PlatformNotFoundException(String platformId) {
            super(Kind.NOT_FOUND, "platform_not_found", null, "No platform " + platformId + ".");
        }
    }

    public static final class InsufficientBalanceException extends DomainException {
        public InsufficientBalanceException(String balance) {
            super(Kind.CONFLICT, "insufficient_balance", "amount",
                    "The deduction is more than the balance of " + balance + "; nothing was changed.");
        }
    }

    public static final class ExceedsPoolAvailableException extends DomainException {
        public ExceedsPoolAvailableException(String most) {
            super(Kind.CONFLICT, "exceeds_pool_available", "amount",
                    "The customer can have at most " + most + " credits (theirs plus the pool's available); "
                            + "nothing was changed.");
        }
    }

    public static final class TotalBelowAllocatedException extends DomainException {
        public TotalBelowAllocatedException(String allocated) {
            super(Kind.CONFLICT, "total_below_allocated", "total",
                    "The pool's total cannot be less than the " + allocated + " credits allocated to customers.");
        }
    }

    /** The same Idempotency-Key with another request: the first request's key is kept for good. */
    public static final class IdempotencyKeyReusedException extends DomainException {
        public IdempotencyKeyReusedException() {
            super(Kind.UNPROCESSABLE, "idempotency_key_reused", "Idempotency-Key",
                    "This Idempotency-Key was used for another request; use a new key for a new request.");
        }
    }
}
