package io.tally.contracts.customer;

/** A billing address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record PostalAddress(String line1, String line2, String city, String postalCode, String region,
                            String country) {
}
