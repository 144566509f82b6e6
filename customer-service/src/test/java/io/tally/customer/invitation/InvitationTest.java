package io.tally.customer.invitation;

import io.tally.service.security.Secrets;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.service.web.Dispatcher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.mockito.Mockito.mock;

class InvitationTest {

    private static final String INVITATION_ID = "3c9b1f0e-7a2d-4e8f-b6c5-d4e3f2a1b0c9";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String OTHER_PLATFORM_ID = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final String EMAIL = "invitee@example.com";
    private static final String TOKEN_DIGEST = Secrets.sha256("the-invitation-token");
    private static final Instant ISSUED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(7));

    private AggregateTestFixture<Invitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
    }

    private static InvitationIssuedEvent issued() {
        return new InvitationIssuedEvent(INVITATION_ID, PLATFORM_ID, EMAIL, TOKEN_DIGEST, EXPIRES_AT);
    }

    private TestExecutor<Invitation> givenAt(Instant now, Object... events) {
        return fixture.givenCurrentTime(ISSUED_AT).andGiven(events).andGivenCurrentTime(now);
    }

    private static InvitationRefusalCountedEvent counted(int refused) {
        return new InvitationRefusalCountedEvent(INVITATION_ID, "registration-" + refused, refused);
    }

    /** The registration slice's judge telling the invitation of a refusal, through the slice's application service. */
    record RegistrationRefused(String registrationId, RegistrationRejectionReason reason) {
    }

    class Judge {

        private final Invitations invitations = new Invitations(mock(Dispatcher.class),
                mock(InvitationProjection.class), fixture.getRepository(), Clock.fixed(ISSUED_AT, ZoneOffset.UTC),
                "https://tally.example.com");

        @CommandHandler
        void handle(RegistrationRefused refusal) {
            invitations.registrationRefused(INVITATION_ID, refusal.registrationId(), refusal.reason());
        }
    }


    @Nested
    class Issue {

        @Test
        void issuesAnInvitation() {
            fixture.givenCurrentTime(ISSUED_AT)
                    .when(new IssueInvitationCommand(INVITATION_ID, PLATFORM_ID, EMAIL, TOKEN_DIGEST, EXPIRES_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(issued());
        }

        @Test
        void issuesAnInvitationOpenToAnyEmail() {
            fixture.givenCurrentTime(ISSUED_AT)
                    .when(new IssueInvitationCommand(INVITATION_ID, PLATFORM_ID, null, TOKEN_DIGEST, EXPIRES_AT))
                    .expectEvents(new InvitationIssuedEvent(INVITATION_ID, PLATFORM_ID, null, TOKEN_DIGEST,
                            EXPIRES_AT));
        }

        @Test
        void refusesAnExpiryInThePast() {
            fixture.givenCurrentTime(ISSUED_AT)
                    .when(new IssueInvitationCommand(INVITATION_ID, PLATFORM_ID, EMAIL, TOKEN_DIGEST,
                            ISSUED_AT.minusSeconds(1)))
                    .expectNoEvents()
                    .expectException(ExpiryInPastException.class)
                    .expectException(breaking("expiry_in_past", "expiresInDays"))
                    .expectExceptionMessage("An invitation must expire in the future.");
        }

        @Test
        void refusesAnExpiryAtThisInstant() {
            fixture.givenCurrentTime(ISSUED_AT)
                    .when(new IssueInvitationCommand(INVITATION_ID, PLATFORM_ID, EMAIL, TOKEN_DIGEST, ISSUED_AT))
                    .expectNoEvents()
                    .expectException(ExpiryInPastException.class)
                    .expectException(breaking("expiry_in_past", "expiresInDays"));
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokesAPendingInvitation() {
            givenAt(ISSUED_AT.plus(Duration.ofDays(1)), issued())
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID));
        }

        @Test
        void refusesToRevokeAnAcceptedInvitation() {
            givenAt(ISSUED_AT.plus(Duration.ofDays(1)), issued(),
                    new InvitationAcceptedEvent(INVITATION_ID, PLATFORM_ID, "customer-1", "registration-1"))
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotPendingException.class)
                    .expectException(breaking("invitation_not_pending", null))
                    .expectExceptionMessage("Invitation " + INVITATION_ID
                            + " is ACCEPTED, only a PENDING invitation can be revoked.");
        }

        @Test
        void refusesToRevokeARevokedInvitation() {
            givenAt(ISSUED_AT.plus(Duration.ofDays(1)), issued(), new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID))
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotPendingException.class)
                    .expectExceptionMessage("Invitation " + INVITATION_ID
                            + " is REVOKED, only a PENDING invitation can be revoked.");
        }

        @Test
        void refusesToRevokeAnExpiredInvitation() {
            givenAt(EXPIRES_AT.plus(Duration.ofHours(1)), issued(),
                    new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, EXPIRES_AT))
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotPendingException.class)
                    .expectExceptionMessage("Invitation " + INVITATION_ID
                            + " is EXPIRED, only a PENDING invitation can be revoked.");
        }

        @Test
        void refusesToRevokeAPendingInvitationPastItsExpiry() {
            givenAt(EXPIRES_AT, issued())
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotPendingException.class)
                    .expectException(breaking("invitation_not_pending", null))
                    .expectExceptionMessage("Invitation " + INVITATION_ID
                            + " is EXPIRED, only a PENDING invitation can be revoked.");
        }

        @Test
        void answersNotFoundToAnotherPlatform() {
            givenAt(ISSUED_AT.plus(Duration.ofDays(1)), issued())
                    .when(new RevokeInvitationCommand(INVITATION_ID, OTHER_PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotFoundException.class)
                    .expectException(breaking("invitation_not_found", null))
                    .expectExceptionMessage("No invitation " + INVITATION_ID + " on this platform.");
        }
    }

    @Nested
    class CountRefusedRegistrations {

        private static final Instant DURING = ISSUED_AT.plus(Duration.ofDays(1));

        @BeforeEach
        void judge() {
            fixture.registerAnnotatedCommandHandler(new Judge());
        }

        @Test
        void aRegistrationRefusedForATakenAddressCountsAgainstAPendingInvitation() {
            givenAt(DURING, issued())
                    .when(new RegistrationRefused("registration-1", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(counted(1));
        }

        @Test
        void theRefusalBeforeTheLimitLeavesItOpen() {
            givenAt(DURING, issued(), counted(1))
                    .when(new RegistrationRefused("registration-2", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectEvents(counted(2));
        }

        @Test
        void theRefusalThatReachesTheLimitLocksIt() {
            givenAt(DURING, issued(), counted(1), counted(2))
                    .when(new RegistrationRefused("registration-3", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectEvents(counted(3), new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, 3));
        }

        @ParameterizedTest
        @EnumSource(value = RegistrationRejectionReason.class, mode = EnumSource.Mode.EXCLUDE, names = "EMAIL_TAKEN")
        void theLinksOwnRefusalsAreNotCounted(RegistrationRejectionReason reason) {
            givenAt(DURING, issued(), counted(1), counted(2))
                    .when(new RegistrationRefused("registration-3", reason))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLockedInvitationCountsNoMore() {
            givenAt(DURING, issued(), counted(1), counted(2), counted(3),
                    new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, 3))
                    .when(new RegistrationRefused("registration-4", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAcceptedInvitationCountsNothing() {
            givenAt(DURING, issued(),
                    new InvitationAcceptedEvent(INVITATION_ID, PLATFORM_ID, "customer-1", "registration-1"))
                    .when(new RegistrationRefused("registration-2", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRevokedInvitationCountsNothing() {
            givenAt(DURING, issued(), new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID))
                    .when(new RegistrationRefused("registration-1", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPendingInvitationPastItsExpiryCountsNothing() {
            givenAt(EXPIRES_AT, issued(), counted(1), counted(2))
                    .when(new RegistrationRefused("registration-3", RegistrationRejectionReason.EMAIL_TAKEN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLockedInvitationCannotBeRevoked() {
            givenAt(DURING, issued(), counted(1), counted(2), counted(3),
                    new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, 3))
                    .when(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID))
                    .expectNoEvents()
                    .expectException(InvitationNotPendingException.class)
                    .expectException(breaking("invitation_not_pending", null))
                    .expectExceptionMessage("Invitation " + INVITATION_ID
                            + " is LOCKED, only a PENDING invitation can be revoked.");
        }

        @Test
        void aLockedInvitationDoesNotExpire() {
            givenAt(EXPIRES_AT.plus(Duration.ofDays(1)), issued(), counted(1), counted(2), counted(3),
                    new InvitationLockedEvent(INVITATION_ID, PLATFORM_ID, 3))
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Expire {

        @Test
        void emitsNothingBeforeTheExpiry() {
            givenAt(EXPIRES_AT.minusSeconds(1), issued())
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void expiresAtTheExpiry() {
            givenAt(EXPIRES_AT, issued())
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectEvents(new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, EXPIRES_AT));
        }

        @Test
        void expiresAfterTheExpiryAtTheTimeOfTheSweep() {
            Instant sweptAt = EXPIRES_AT.plus(Duration.ofMinutes(5));
            givenAt(sweptAt, issued())
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectEvents(new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, sweptAt));
        }

        @Test
        void emitsNothingForAnAcceptedInvitation() {
            givenAt(EXPIRES_AT.plus(Duration.ofDays(1)), issued(),
                    new InvitationAcceptedEvent(INVITATION_ID, PLATFORM_ID, "customer-1", "registration-1"))
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emitsNothingForARevokedInvitation() {
            givenAt(EXPIRES_AT.plus(Duration.ofDays(1)), issued(), new InvitationRevokedEvent(INVITATION_ID, PLATFORM_ID))
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emitsNothingForAnInvitationAlreadyExpired() {
            givenAt(EXPIRES_AT.plus(Duration.ofDays(1)), issued(),
                    new InvitationExpiredEvent(INVITATION_ID, PLATFORM_ID, EXPIRES_AT))
                    .when(new ExpireInvitationCommand(INVITATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
