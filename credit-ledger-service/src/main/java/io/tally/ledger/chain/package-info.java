/**
 * The hash chain of ledger entries: how an entry is sealed and re-hashed, the instant it is made, and the cache
 * that keeps the chains' aggregates in memory.
 */
package io.tally.ledger.chain;
