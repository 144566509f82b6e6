package io.tally.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of credit-ledger-service: private to it, never published. Amounts are integer
 * minor units of {@code currency}, the platform's; the web layer parsed them. {@code platformId}
 * is the caller's platform, from the token: another platform's ledger is not found.
 */
public final class Commands {

    private Commands() {
    }

    /** The client's Idempotency-Key and who asked (the token's subject). */
    public record Request(String idempotencyKey, String actor) {
    }

    public record OpenPlatformLedgerCommand(String platformId, String currency) {
    }

    public record OpenCustomerLedgerCommand(String customerId, String platformId) {
    }

    public record SetPoolTotalCommand(@TargetAggregateIdentifier String platformId, long total, Request request) {
    }

    public record RefillBalanceCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                       String currency, long amount, String note, Request request) {
    }

    public record DeductBalanceCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                       String currency, long amount, String note, Request request) {
    }

    /** Handled by {@link CreditAllocation}: it changes the customer's ledger and the pool together. */
    public record SetCreditsCommand(String customerId, String platformId, long credits, Request request) {
    }
}
