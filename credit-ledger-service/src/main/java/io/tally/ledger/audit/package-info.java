/**
 * The auditors' questions, answered from the event store and never from a projection: a customer's or a pool's
 * figures as of an instant, and the verification of their hash chains.
 */
package io.tally.ledger.audit;
