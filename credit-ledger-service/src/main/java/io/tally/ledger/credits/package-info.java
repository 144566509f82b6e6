/**
 * Each platform's credit pool: opening it when auth-service announces the platform, the provider setting its
 * total, a platform admin setting a customer's credits from it (customer and pool in one transaction), and the
 * pool's figures as the admins read them.
 */
package io.tally.ledger.credits;
