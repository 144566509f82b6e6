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
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.PostalAddress;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.contracts.customer.TeamType;

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
 * provider operator's account outside any platform).
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
                    new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                            RegistrationRejectionReason.INVITATION_EXPIRED),
                    new RegistrationSubmittedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                            "ada.lovelace@example.com", "Analytical Engines"),
                    platformCreated(),
                    new PlatformAdminCreatedEvent(ADMIN_ID, PLATFORM_ID, "charles.babbage@example.com", AT),
                    new PasswordResetEvent(RESET_ID, CUSTOMER_ID, PLATFORM_ID, AT.plusSeconds(240)),
                    sessionsRevoked(),
                    loginLocked())
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
                new LoginLockedEvent(PROVIDER_ID, null, AT.plusSeconds(900), 10));
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
