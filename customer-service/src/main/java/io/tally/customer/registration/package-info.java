/**
 * The registration choreography: auth-service's submissions in from Kafka, the judgement that registers the
 * customer through its invitation or rejects the submission, the verification mail, and following its link; and,
 * for a submission refused because its address already has an account, the mail that tells the address so.
 */
package io.tally.customer.registration;
