package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** Billing information was set, by the admin or by the customer. */
@EventType(value = "io.tally.customer.CustomerBillingInfoSet.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerBillingInfoSetEvent(String customerId, String platformId, BillingInformation billingInfo)
        implements CustomerEvent {
}
