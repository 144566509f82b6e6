package io.tally.contracts;

/**
 * An event that leaves its service on Kafka. Its record key keeps the facts about one
 * subject in order on one partition: the customer id for customer facts, the invitation
 * id for invitation facts and for registrations through an invitation.
 */
public interface PublishedEvent {

    /** The platform (tenant) the fact belongs to. */
    String platformId();

    /** The Kafka record key. */
    String recordKey();
}
