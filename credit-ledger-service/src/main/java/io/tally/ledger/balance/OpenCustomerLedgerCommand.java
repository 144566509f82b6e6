package io.tally.ledger.balance;

/** Opens the ledger of a customer that customer-service announced, in the customer's platform. */
record OpenCustomerLedgerCommand(String customerId, String platformId) {
}
