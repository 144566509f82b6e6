package io.tally.ledger.balance;

import io.tally.ledger.money.Request;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds {@code amount} (minor units of {@code currency}, the platform's) to the customer's balance;
 * {@code platformId} is the caller's, from the token: another platform's customer is not found.
 */
record RefillBalanceCommand(@TargetAggregateIdentifier String customerId, String platformId, String currency,
                            long amount, String note, Request request) {
}
