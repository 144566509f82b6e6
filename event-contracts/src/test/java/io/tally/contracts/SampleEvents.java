package io.tally.contracts;

import io.tally.contracts.auth.LoginLockedEvent;
import io.tally.contracts.auth.PasswordResetEvent;
import io.tally.contracts.auth.PlatformAdminCreatedEvent;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.auth.RegistrationSubmittedEvent;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEmailVerifiedEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.PostalAddress;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.contracts.customer.TeamType;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Realistic instances of the published events: one typical sample per class, and variants
 * that exercise the optional parts (no billing information, an invitation for anyone, the
 * provider operator's account outside any platform, the first entry of a ledger chain).
 *
 * <p>The typical ledger samples and the first entries of the chains tell one story, in euro
 * cents: the provider sets the platform's pool to 70.00; the customer is refilled 105.50 (the
 * first entry of their chain) and granted 20.00 of credits, leaving 50.00 in the pool; the
 * provider raises the pool to 100.00, 80.00 of which is left to grant; the customer is
 * refilled 20.00 and has 5.50 deducted. Each entry carries the hash of the one before it in
 * its chain. The other ledger variants are entries of other histories.
 */
final class SampleEvents {

    static final String PLATFORM_ID = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    static final String CUSTOMER_ID = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    static final String INVITATION_ID = "0e8f3b2a-6d4c-4f1e-8a9b-3c2d1e0f9a8b";
    static final String REGISTRATION_ID = "9a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c6d";
    static final String ADMIN_ID = "3f6e9d2c-1b8a-4e7f-a5d4-6c3b2a1f0e9d";
    static final String PROVIDER_ID = "7a4c1e9b-5d2f-4b8a-9c6e-2f1d0b3a8e7c";
    static final String RESET_ID = "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b";
    /** A link token as customer-service makes one: 32 random bytes, base64url without padding. */
    static final String LINK_TOKEN = "mD8v3QkZr1bX0nS7yLq4uTfW2eHcJ9aPgVt6KoRiE5s";
    static final String TOKEN_SHA256 = sha256Hex(LINK_TOKEN);

    private static final String FIRST_REFILL_ID = "4b7e2d91-0c3a-4f58-9e16-a2d5c8b7f304";
    private static final String CREDITS_SET_ID = "8c1f5a3e-7d20-4b96-a4e8-3f0b9c6d2e71";
    private static final String REFILL_ID = "d2a96e04-5b1c-4f73-8e2a-c07f1d3b5a98";
    private static final String DEDUCTION_ID = "1e3b8c5f-9a74-4d02-b6c1-5d8e2f0a7b36";
    private static final String FIRST_POOL_SET_ID = "a05c7e19-3f82-4b6d-9d40-e8b1c2f7a563";
    private static final String POOL_SET_ID = "6f9d0b28-e4a1-4c37-85fb-1a2c3d9e0f47";
    /** Stand-ins for the hashes of the customer's chain, in order: credit-ledger-service defines the real ones. */
    private static final String CUSTOMER_HASH_1 = sha256Hex("customer chain entry 1");
    private static final String CUSTOMER_HASH_2 = sha256Hex("customer chain entry 2");
    private static final String CUSTOMER_HASH_3 = sha256Hex("customer chain entry 3");
    private static final String CUSTOMER_HASH_4 = sha256Hex("customer chain entry 4");
    /** Stand-ins for the hashes of the platform's pool chain, in order. */
    private static final String POOL_HASH_1 = sha256Hex("pool chain entry 1");
    private static final String POOL_HASH_2 = sha256Hex("pool chain entry 2");

    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");

    private static final PostalAddress ADDRESS =
            new PostalAddress("Keizersgracht 123", null, "Amsterdam", "1015 CJ", "Noord-Holland", "NL");

    private static final Map<Class<?>, PublishedEvent> TYPICAL = List.of(
                    customerCreated(),
                    new CustomerRegisteredEvent(CUSTOMER_ID, PLATFORM_ID, "ada.lovelace@example.com",
                            "Analytical Engines", REGISTRATION_ID, INVITATION_ID, AT),
                    new CustomerEmailVerifiedEvent(CUSTOMER_ID, PLATFORM_ID, AT.plusSeconds(3_600)),
                    new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID, enterpriseBilling()),
                    new CustomerTeamTypeChangedEvent(CUSTOMER_ID, PLATFORM_ID, TeamType.DEFAULT, TeamType.ENTERPRISE),
                    new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Analytical Engines Ltd",
                            "Analytical Engines B.V.", "Ada Lovelace", "+31 20 555 0123", ADDRESS),
                    new CustomerEnabledEvent(CUSTOMER_ID, PLATFORM_ID),
                    new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID),
                    new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of("vip", "eu-west", "Reseller A")),
                    invitationIssued(),
                    new InvitationAcceptedEvent(INVITATION_ID, PLATFORM_ID, CUSTOMER_ID, REGISTRATION_ID),
                    new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, AT.plusSeconds(7 * 86_400)),
                    new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID),
                    new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, 3),
                    new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                            RegistrationRejectionReason.INVITATION_EXPIRED),
                    new RegistrationSubmittedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                            "ada.lovelace@example.com", "Analytical Engines"),
                    platformCreated(),
                    new PlatformAdminCreatedEvent(ADMIN_ID, PLATFORM_ID, "charles.babbage@example.com", AT),
                    new PasswordResetEvent(RESET_ID, CUSTOMER_ID, PLATFORM_ID, AT.plusSeconds(240)),
                    sessionsRevoked(),
                    loginLocked(),
                    balanceRefilled(),
                    balanceDeducted(),
                    customerCreditsSet(),
                    platformCreditPoolSet())
            .stream()
            .collect(Collectors.toUnmodifiableMap(Object::getClass, Function.identity()));

    private SampleEvents() {
    }

    /** The typical sample of a published class. */
    static PublishedEvent typical(Class<? extends PublishedEvent> eventClass) {
        PublishedEvent sample = TYPICAL.get(eventClass);
        if (sample == null) {
            throw new IllegalArgumentException("No sample of " + eventClass.getName() + ": add one to SampleEvents");
        }
        return sample;
    }

    /** The samples whose optional parts differ from the typical ones. */
    static List<PublishedEvent> variants() {
        return List.of(
                new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "grace.hopper@example.org", "Compilers",
                        individualBilling(), TeamType.INDIVIDUAL, AT),
                new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "grace.hopper@example.org", "Compilers",
                        enterpriseBilling(), TeamType.ENTERPRISE, AT),
                new CustomerBillingInfoSetEvent(CUSTOMER_ID, PLATFORM_ID,
                        new BillingInformation(BillingType.INDIVIDUAL, null, null, null, null)),
                new CustomerInformationUpdatedEvent(CUSTOMER_ID, PLATFORM_ID, "Compilers", null, null, null, null),
                new CustomerTagsSetEvent(CUSTOMER_ID, PLATFORM_ID, List.of()),
                new InvitationIssuedEvent(INVITATION_ID, PLATFORM_ID, null, TOKEN_SHA256, AT.plusSeconds(86_400)),
                new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                        RegistrationRejectionReason.EMAIL_TAKEN),
                new SessionsRevokedEvent(PROVIDER_ID, null, AT, SessionRevocationReason.LOGOUT),
                new SessionsRevokedEvent(ADMIN_ID, PLATFORM_ID, AT, SessionRevocationReason.REFRESH_TOKEN_REUSED),
                new LoginLockedEvent(PROVIDER_ID, null, AT.plusSeconds(900), 10),
                firstBalanceRefill(),
                new BalanceDeductedEvent("3a6c9f12-d4e7-4b08-a1c5-e2f8b0d3c794", CUSTOMER_ID, PLATFORM_ID, "EUR",
                        12_000, 0, 2_000, null, "close-account-2025-03-17", ADMIN_ID, AT.plusSeconds(3 * 86_400),
                        CUSTOMER_HASH_4, sha256Hex("customer chain entry 5")),
                new CustomerCreditsSetEvent("e7b2d5a8-0f3c-4e61-9b4d-8c1a6f2e0d53", CUSTOMER_ID, PLATFORM_ID, "EUR",
                        2_000, 0, 12_000, 10_000, "0d4b8e2f-6c1a-4f9e-b3d7-5a2c8e1f0b94", ADMIN_ID,
                        AT.plusSeconds(3 * 86_400), CUSTOMER_HASH_4, sha256Hex("customer chain entry 5")),
                new CustomerCreditsSetEvent("92f4a7c0-6e1d-4b35-8d2a-f5c3e9b1a068", CUSTOMER_ID, PLATFORM_ID, "EUR",
                        0, 2_000, 0, 5_000, "6a2f9c41-8e3d-4b7a-a1f0-2c5d7e9b3a16", ADMIN_ID, AT, null,
                        sha256Hex("another customer chain entry 1")),
                firstPlatformCreditPoolSet());
    }

    /** Created by an admin without billing information: DEFAULT. */
    static CustomerCreatedEvent customerCreated() {
        return new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "ada.lovelace@example.com", "Analytical Engines",
                null, TeamType.DEFAULT, AT);
    }

    /** An invitation that only the given email may use. */
    static InvitationIssuedEvent invitationIssued() {
        return new InvitationIssuedEvent(INVITATION_ID, PLATFORM_ID, "ada.lovelace@example.com", TOKEN_SHA256,
                AT.plusSeconds(7 * 86_400));
    }

    /** A platform whose amounts are in euros. */
    static PlatformCreatedEvent platformCreated() {
        return new PlatformCreatedEvent(PLATFORM_ID, "Northwind Cloud", "EUR", AT);
    }

    /** The customer's sessions end because an admin confirmed a new password. */
    static SessionsRevokedEvent sessionsRevoked() {
        return new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, AT.plusSeconds(240),
                SessionRevocationReason.PASSWORD_RESET);
    }

    /** A customer's account locked for 15 minutes after 10 failed sign-ins. */
    static LoginLockedEvent loginLocked() {
        return new LoginLockedEvent(CUSTOMER_ID, PLATFORM_ID, AT.plusSeconds(900), 10);
    }

    /** A customer's balance refilled by 20.00 EUR, with the admin's note. */
    private static BalanceRefilledEvent balanceRefilled() {
        return new BalanceRefilledEvent(REFILL_ID, CUSTOMER_ID, PLATFORM_ID, "EUR", 2_000, 12_550, 2_000,
                "Bank transfer NW-4411, received 2025-03-15", "f3a8c2d1-4b6e-4e9a-8c7d-0b1e2f3a4c5d", ADMIN_ID,
                AT.plusSeconds(86_400), CUSTOMER_HASH_2, CUSTOMER_HASH_3);
    }

    /** The customer's first ledger entry: no previous hash, no note. */
    private static BalanceRefilledEvent firstBalanceRefill() {
        return new BalanceRefilledEvent(FIRST_REFILL_ID, CUSTOMER_ID, PLATFORM_ID, "EUR", 10_550, 10_550, 0, null,
                "opening-balance-2025-03-14", ADMIN_ID, AT.minusSeconds(600), null, CUSTOMER_HASH_1);
    }

    /** 5.50 EUR deducted from the customer's balance, with the admin's note. */
    private static BalanceDeductedEvent balanceDeducted() {
        return new BalanceDeductedEvent(DEDUCTION_ID, CUSTOMER_ID, PLATFORM_ID, "EUR", 550, 12_000, 2_000,
                "Support plan, March 2025", "b9e4d7c2-1a3f-4d8b-9e6c-7f0a2b5d8e13", ADMIN_ID,
                AT.plusSeconds(2 * 86_400), CUSTOMER_HASH_3, CUSTOMER_HASH_4);
    }

    /** The customer's credits set from 0 to 20.00 EUR out of a pool of 70.00, leaving 50.00 to grant. */
    private static CustomerCreditsSetEvent customerCreditsSet() {
        return new CustomerCreditsSetEvent(CREDITS_SET_ID, CUSTOMER_ID, PLATFORM_ID, "EUR", 0, 2_000, 10_550, 5_000,
                "2c7e0a94-5f1b-4d3e-a8c6-9b2d4f6e8a01", ADMIN_ID, AT, CUSTOMER_HASH_1, CUSTOMER_HASH_2);
    }

    /** The provider raised the platform's pool from 70.00 to 100.00 EUR while 20.00 are granted. */
    private static PlatformCreditPoolSetEvent platformCreditPoolSet() {
        return new PlatformCreditPoolSetEvent(POOL_SET_ID, PLATFORM_ID, "EUR", 7_000, 10_000, 2_000, 8_000,
                "5d1a3c7e-9b2f-4e6d-8a0c-4e7b1d9f2a35", PROVIDER_ID, AT.plusSeconds(43_200), POOL_HASH_1,
                POOL_HASH_2);
    }

    /** The pool's first entry: the provider set the platform's pool to 70.00 EUR. */
    private static PlatformCreditPoolSetEvent firstPlatformCreditPoolSet() {
        return new PlatformCreditPoolSetEvent(FIRST_POOL_SET_ID, PLATFORM_ID, "EUR", 0, 7_000, 0, 7_000,
                "pool-initial-7000", PROVIDER_ID, AT.minusSeconds(3_600), null, POOL_HASH_1);
    }

    static BillingInformation enterpriseBilling() {
        return new BillingInformation(BillingType.ENTERPRISE, "Analytical Engines B.V.", "Ada Lovelace",
                "+31 20 555 0123", ADDRESS);
    }

    static BillingInformation individualBilling() {
        return new BillingInformation(BillingType.INDIVIDUAL, null, "Grace Hopper", "+1 (212) 555-0199",
                new PostalAddress("1 Navy Way", "Building 4", "Arlington", "22202", "VA", "US"));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
