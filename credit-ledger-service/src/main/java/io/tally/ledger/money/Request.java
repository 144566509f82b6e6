package io.tally.ledger.money;

/** What every money command carries: the client's Idempotency-Key and who asked (the token's subject). */
public record Request(String idempotencyKey, String actor) {
}
