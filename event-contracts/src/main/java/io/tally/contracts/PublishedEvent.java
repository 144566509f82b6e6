package io.tally.contracts;

/**
 * An event that leaves its service on Kafka. Its record key keeps the facts about one
 * subject in order on one partition: the customer id for customer facts and password
 * resets, the invitation id for invitation facts and for registrations through an
 * invitation, the platform id for platform facts, the account id (the tokens' subject) for
 * sessions and sign-in locks.
 */
public interface PublishedEvent {

    /**
     * The platform (tenant) the fact belongs to; null only for a fact about the provider
     * operator's account, which belongs to no platform.
     */
    String platformId();

    /** The Kafka record key. */
    String recordKey();
}
