/**
 * Each customer's ledger (balance, credits and the chain of their entries): opening it when customer-service
 * announces the customer, and a platform admin's refills and deductions with their rules.
 */
package io.tally.ledger.balance;
