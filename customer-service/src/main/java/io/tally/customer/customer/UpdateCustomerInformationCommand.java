package io.tally.customer.customer;

import io.tally.contracts.customer.PostalAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the given profile fields; a null field stays as it is, an empty one clears an optional field. */
record UpdateCustomerInformationCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                        String teamName, String companyName, String contactName, String phone,
                                        PostalAddress address) {
}
