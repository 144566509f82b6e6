package io.tally.customer.invitation;

import io.tally.service.security.Secrets;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Which registrations an invitation lets through, judged from its history. */
class InvitationRefusalTest {

    private static final String INVITATION_ID = "7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final Instant EXPIRES_AT = Instant.parse("2025-03-08T10:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minusSeconds(60);

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void aPendingInvitationLetsAnyAddressThroughWhenItNamesNone() {
        Invitation invitation = issued(null);
        assertThat(invitation.refusalFor(PLATFORM_ID, "anyone@example.com")).isEmpty();
    }

    @Test
    void anInvitationForAnAddressLetsOnlyThatAddressThroughIgnoringCase() {
        Invitation invitation = issued("ada@example.com");
        assertThat(invitation.refusalFor(PLATFORM_ID, "ADA@example.com")).isEmpty();
        assertThat(invitation.refusalFor(PLATFORM_ID, "eve@example.com"))
                .contains(RegistrationRejectionReason.EMAIL_MISMATCH);
    }

    @Test
    void anotherPlatformsRegistrationDoesNotKnowTheInvitation() {
        assertThat(issued(null).refusalFor("9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b", "a@example.com"))
                .contains(RegistrationRejectionReason.INVITATION_UNKNOWN);
    }

    @Test
    void aUsedInvitationIsRefusedExceptToTheRegistrationThatUsedIt() {
        Invitation invitation = issued(null);
        invitation.on(new InvitationAcceptedEvent(INVITATION_ID, PLATFORM_ID, "customer-1", "registration-1"));
        assertThat(invitation.refusalFor(PLATFORM_ID, "b@example.com"))
                .contains(RegistrationRejectionReason.INVITATION_USED);
        assertThat(invitation.acceptedBy("registration-1")).isTrue();
        assertThat(invitation.acceptedBy("registration-2")).isFalse();
    }

    @Test
    void aLockedInvitationIsRefusedAsAUsedOne() {
        Invitation invitation = issued(null);
        invitation.on(new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, Invitation.REFUSED_REGISTRATIONS_LIMIT));
        assertThat(invitation.refusalFor(PLATFORM_ID, "e@example.com"))
                .contains(RegistrationRejectionReason.INVITATION_USED);
        assertThat(invitation.acceptedBy("registration-1")).isFalse();
    }

    @Test
    void refusalsBelowTheLimitLeaveTheInvitationOpen() {
        Invitation invitation = issued(null);
        for (int refused = 1; refused < Invitation.REFUSED_REGISTRATIONS_LIMIT; refused++) {
            invitation.on(new InvitationRefusalCountedEvent(INVITATION_ID, "registration-" + refused, refused));
        }
        assertThat(invitation.refusalFor(PLATFORM_ID, "f@example.com")).isEmpty();
    }

    @Test
    void aRevokedInvitationIsRefused() {
        Invitation invitation = issued(null);
        invitation.on(new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID));
        assertThat(invitation.refusalFor(PLATFORM_ID, "c@example.com"))
                .contains(RegistrationRejectionReason.INVITATION_REVOKED);
    }

    @Test
    void anExpiredInvitationIsRefusedWhetherOrNotTheSweepHasRecordedIt() {
        Invitation swept = issued(null);
        swept.on(new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, EXPIRES_AT));
        assertThat(swept.refusalFor(PLATFORM_ID, "d@example.com"))
                .contains(RegistrationRejectionReason.INVITATION_EXPIRED);

        Invitation lapsed = issued(null);
        GenericEventMessage.clock = Clock.fixed(EXPIRES_AT, ZoneOffset.UTC);
        assertThat(lapsed.refusalFor(PLATFORM_ID, "d@example.com"))
                .as("at the expiry instant itself")
                .contains(RegistrationRejectionReason.INVITATION_EXPIRED);
    }

    private static Invitation issued(String email) {
        GenericEventMessage.clock = Clock.fixed(BEFORE_EXPIRY, ZoneOffset.UTC);
        Invitation invitation = new Invitation();
        invitation.on(new InvitationIssuedEvent(INVITATION_ID, PLATFORM_ID, email, Secrets.sha256("t"), EXPIRES_AT));
        return invitation;
    }
}
