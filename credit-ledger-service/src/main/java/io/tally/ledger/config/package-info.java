/**
 * Wiring only: the aggregates' cache, the consumed Kafka topics, security, the derived data's commits, and the
 * former names of moved private events. It depends on the slices; no slice depends on it.
 */
package io.tally.ledger.config;
