/**
 * Which platforms (in which currency) and which customers (of which platform) the ledger knows: the one writer
 * of ledger_platforms and ledger_customers, and the gate that refuses an unknown or another platform's id.
 */
package io.tally.ledger.directory;
