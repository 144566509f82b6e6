package io.tally.contracts.customer;

/** Billing information; {@code companyName} is set for ENTERPRISE and absent for INDIVIDUAL. */
public record BillingInformation(BillingType type, String companyName, String contactName, String phone,
                                 PostalAddress address) {
}
