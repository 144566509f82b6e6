package io.tally.customer.customer;

import io.tally.contracts.customer.BillingInformation;

/** An admin creates a customer of the admin's platform; handled by {@link CustomerAccounts}, which claims the email. */
record CreateCustomerCommand(String customerId, String platformId, String email, String teamName,
                             BillingInformation billingInfo) {
}
