/**
 * Wiring only: the password encoder, the token encoder and decoder, the security rules of the routes, the Kafka
 * source of customer-service's events and the former names of moved stored events. Nothing in a slice depends
 * on it.
 */
package io.tally.auth.config;
