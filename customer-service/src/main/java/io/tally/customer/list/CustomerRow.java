package io.tally.customer.list;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.contracts.customer.PostalAddress;

import java.time.Instant;
import java.util.List;

/**
 * One customer as the list and the details show it; amounts as decimal strings with the currency's decimals.
 * An optional field is left out, never {@code null}, while it is unset.
 */
record CustomerRow(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                example = "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")
        String id,
        @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "The customer's email, which is also their username.", example = "ops@acme.example")
        String account,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Acme Robotics")
        String teamName,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"DEFAULT", "INDIVIDUAL", "ENTERPRISE"},
                description = "DEFAULT until the email is verified and billing information is set; then the"
                        + " billing type.", example = "ENTERPRISE")
        String teamType,
        @Schema(description = "Set for ENTERPRISE billing only; left out otherwise.", example = "Acme Robotics GmbH")
        String companyName,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                example = "120.00")
        String balance,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                example = "30.00")
        String credits,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                description = "The platform's ISO 4217 currency.", example = "USD")
        String currency,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"ON", "OFF"}, example = "ON")
        String state,
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "In the order they were set; empty when none."),
                schema = @Schema(example = "vip"))
        List<String> tags,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-15T09:30:00Z")
        Instant registeredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "true")
        boolean emailVerified,
        @Schema(allowableValues = {"INDIVIDUAL", "ENTERPRISE"},
                description = "Left out until billing information is set.", example = "ENTERPRISE")
        String billingType,
        @Schema(description = "Left out while not set.", example = "Dana Smith")
        String contactName,
        @Schema(description = "Left out while not set.", example = "+49 30 1234567")
        String phone,
        @Schema(implementation = Address.class, description = "Left out while not set.")
        PostalAddress address) {

    /** Balances and credits are never negative. */
    static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    static final String AMOUNT_DESCRIPTION = "A decimal string with exactly the currency's decimals (2 for USD).";

    /** {@link PostalAddress} as the answer shows it: the request's optional fields are left out while unset. */
    @Schema(name = "PostalAddress")
    record Address(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Unter den Linden 5")
            String line1,
            @Schema(description = "Left out while not set.", example = "3rd floor")
            String line2,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Berlin")
            String city,
            @Schema(description = "Left out while not set.", example = "10115")
            String postalCode,
            @Schema(description = "Left out while not set.", example = "Berlin")
            String region,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$",
                    description = "ISO 3166-1 alpha-2.", example = "DE")
            String country) {
    }
}
