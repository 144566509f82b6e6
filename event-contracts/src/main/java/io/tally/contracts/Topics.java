package io.tally.contracts;

/**
 * The Kafka topics of Tally's published language. Every topic is keyed so that one
 * customer's facts stay in order: see {@link PublishedEvent#recordKey()}.
 */
public final class Topics {

    public static final String CUSTOMER_EVENTS = "tally.customer.events";
    public static final String AUTH_EVENTS = "tally.auth.events";
    public static final String LEDGER_EVENTS = "tally.ledger.events";

    private Topics() {
    }
}
