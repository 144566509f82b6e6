package io.tally.contracts.customer;

import io.tally.contracts.PublishedEvent;

/** A fact about one customer, keyed by the customer id. */
public interface CustomerEvent extends PublishedEvent {

    String customerId();

    @Override
    default String recordKey() {
        return customerId();
    }
}
