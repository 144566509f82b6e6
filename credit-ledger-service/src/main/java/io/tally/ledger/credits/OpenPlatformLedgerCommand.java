package io.tally.ledger.credits;

/** Opens the ledger (and the credit pool) of a platform that auth-service announced, in its currency. */
record OpenPlatformLedgerCommand(String platformId, String currency) {
}
