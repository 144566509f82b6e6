/**
 * Wiring only: the Kafka sources this service consumes, the security of its routes and the former names of its
 * moved private events.
 */
package io.tally.customer.config;
