/**
 * What every money write shares: amounts as decimal strings and minor units, the Idempotency-Key and note
 * rules, the refusals of those, the Idempotency-Key index (its only writer, and the reader the ledgers ask), and
 * the count of writes by operation and outcome.
 */
package io.tally.ledger.money;
