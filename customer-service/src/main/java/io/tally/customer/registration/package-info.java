/**
 * The registration choreography: auth-service's submissions in from Kafka, the judgement that registers the
 * customer through its invitation or rejects the submission, the verification mail, and following its link.
 */
package io.tally.customer.registration;
