/**
 * The billing details: every entry of every customer's ledger, projected from the event store into
 * billing_entries (its one writer), and read by time range and type, in pages or as a CSV export.
 */
package io.tally.ledger.billing;
