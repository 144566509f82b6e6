package io.tally.customer.invitation;

import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.invitation.InvitationProjection.InvitationView;
import io.tally.customer.invitation.Invitations.IssuedInvitation;
import io.tally.service.security.Secrets;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The admin's use of invitation links, and a registration's questions to an invitation. */
class InvitationsTest {

    private static final String INVITATION_ID = "3c9b1f0e-7a2d-4e8f-b6c5-d4e3f2a1b0c9";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Caller ADMIN = new Caller("admin@example.com", "PLATFORM_ADMIN", PLATFORM_ID);
    private static final String BASE_URL = "https://tally.example.com";

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final InvitationProjection projection = mock(InvitationProjection.class);
    @SuppressWarnings("unchecked")
    private final Repository<Invitation> repository = mock(Repository.class);
    private final Invitations invitations = new Invitations(dispatcher, projection, repository,
            Clock.fixed(NOW, ZoneOffset.UTC), BASE_URL);

    @Nested
    class Issue {

        @Test
        void anInvitationWithoutARequestIsForAnyoneAndValidSevenDays() {
            IssuedInvitation issued = invitations.issue(ADMIN, null);

            IssueInvitationCommand command = sent(IssueInvitationCommand.class);
            assertThat(command.invitationId()).isEqualTo(issued.id());
            assertThat(command.platformId()).isEqualTo(PLATFORM_ID);
            assertThat(command.email()).isNull();
            assertThat(command.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7))).isEqualTo(issued.expiresAt());
        }

        @Test
        void aRequestWithoutADurationIsValidSevenDays() {
            invitations.issue(ADMIN, new InvitationRequest("ada@example.com", null));

            assertThat(sent(IssueInvitationCommand.class).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        }

        @Test
        void theRequestNamesTheDurationAndTheEmailTrimmed() {
            IssuedInvitation issued = invitations.issue(ADMIN, new InvitationRequest(" ada@example.com ", 30));

            IssueInvitationCommand command = sent(IssueInvitationCommand.class);
            assertThat(command.email()).isEqualTo("ada@example.com");
            assertThat(command.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30))).isEqualTo(issued.expiresAt());
        }

        @Test
        void theLinkIsShownOnceAndOnlyItsDigestIsKept() {
            IssuedInvitation issued = invitations.issue(ADMIN, null);

            assertThat(issued.link()).isEqualTo(BASE_URL + "/register?invitation=" + issued.token());
            assertThat(sent(IssueInvitationCommand.class).tokenSha256()).isEqualTo(Secrets.sha256(issued.token()))
                    .isNotEqualTo(issued.token());
            assertThat(invitations.issue(ADMIN, null).token()).as("a new token each time").isNotEqualTo(issued.token());
        }
    }

    @Nested
    class ListAndFind {

        private final InvitationView view = new InvitationView(INVITATION_ID, null, InvitationStatus.PENDING,
                NOW, NOW.plus(Duration.ofDays(7)), "admin@example.com", null, null, 0);

        @Test
        void listsTheCallersPlatformAsOfNow() {
            when(projection.list(PLATFORM_ID, Optional.of(InvitationStatus.EXPIRED), NOW, 20, 40))
                    .thenReturn(List.of(view));

            assertThat(invitations.list(ADMIN, InvitationStatus.EXPIRED, "20", " 40 ")).containsExactly(view);
        }

        @Test
        void withoutLimitAndOffsetTheFirstFiftyOfEveryStatus() {
            when(projection.list(PLATFORM_ID, Optional.empty(), NOW, 50, 0)).thenReturn(List.of(view));

            assertThat(invitations.list(ADMIN, null, null, null)).containsExactly(view);
        }

        @Test
        void theBoundsAreInclusive() {
            when(projection.list(PLATFORM_ID, Optional.empty(), NOW, 200, 100_000)).thenReturn(List.of(view));
            when(projection.list(PLATFORM_ID, Optional.empty(), NOW, 1, 0)).thenReturn(List.of(view));

            assertThat(invitations.list(ADMIN, null, "200", "100000")).containsExactly(view);
            assertThat(invitations.list(ADMIN, null, "1", "0")).containsExactly(view);
        }

        @ParameterizedTest
        @CsvSource({"limit, 0, 0", "limit, 201, 0", "limit, -5, 0", "limit, ten, 0", "limit, 1.5, 0",
                "offset, 50, -1", "offset, 50, 100001", "offset, 50, x", "offset, 50, ''"})
        void aLimitOrOffsetOutOfItsRangeIsRefusedNamingIt(String field, String limit, String offset) {
            BadRequestException refusal = catchThrowableOfType(BadRequestException.class,
                    () -> invitations.list(ADMIN, null, limit, offset));

            assertThat(refusal).isNotNull();
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.rule()).isEqualTo("range");
            verifyNoInteractions(projection);
        }

        @Test
        void findsAnInvitationOfTheCallersPlatformByItsCanonicalId() {
            when(projection.find(PLATFORM_ID, INVITATION_ID, NOW)).thenReturn(Optional.of(view));

            assertThat(invitations.find(ADMIN, INVITATION_ID.toUpperCase())).isEqualTo(view);
        }

        @Test
        void anUnknownInvitationIsNotFound() {
            when(projection.find(PLATFORM_ID, INVITATION_ID, NOW)).thenReturn(Optional.empty());

            assertNotFound(() -> invitations.find(ADMIN, INVITATION_ID), INVITATION_ID);
        }

        @Test
        void aMalformedIdIsNotFoundWithoutALookup() {
            assertNotFound(() -> invitations.find(ADMIN, "not-an-id"), "not-an-id");
            verifyNoInteractions(projection);
        }
    }

    @Nested
    class Revoke {

        @Test
        void sendsTheRevocationForTheCanonicalId() {
            invitations.revoke(ADMIN, INVITATION_ID.toUpperCase());

            verify(dispatcher).send(new RevokeInvitationCommand(INVITATION_ID, PLATFORM_ID), ADMIN);
        }

        @Test
        void aMalformedIdIsNotFoundAndNothingIsSent() {
            assertNotFound(() -> invitations.revoke(ADMIN, "not-an-id"), "not-an-id");
            verifyNoInteractions(dispatcher);
        }

        @Test
        void anIdThatNamesNoInvitationIsNotFound() {
            doThrow(new AggregateNotFoundException(INVITATION_ID, "none")).when(dispatcher).send(any(), eq(ADMIN));

            assertNotFound(() -> invitations.revoke(ADMIN, INVITATION_ID), INVITATION_ID);
        }

        @Test
        void theInvitationsOwnRefusalPassesUnchanged() {
            doThrow(new InvitationNotPendingException(INVITATION_ID, InvitationStatus.ACCEPTED))
                    .when(dispatcher).send(any(), eq(ADMIN));

            InvitationNotPendingException refusal = catchThrowableOfType(InvitationNotPendingException.class,
                    () -> invitations.revoke(ADMIN, INVITATION_ID));
            assertThat(refusal.code()).isEqualTo("invitation_not_pending");
        }
    }

    @Nested
    class ARegistrationsUse {

        @Test
        void anUnknownInvitationIsRefusedAsUnknownAndWasUsedByNobody() {
            when(repository.load(anyString())).thenThrow(new AggregateNotFoundException(INVITATION_ID, "none"));

            assertThat(invitations.refusalFor(INVITATION_ID, PLATFORM_ID, "a@example.com"))
                    .contains(RegistrationRejectionReason.INVITATION_UNKNOWN);
            assertThat(invitations.acceptedBy(INVITATION_ID, "registration-1")).isFalse();
        }

        @Test
        void anotherAggregatesIdIsAnUnknownInvitation() {
            when(repository.load(anyString())).thenThrow(new IncompatibleAggregateException("a customer's id"));

            assertThat(invitations.refusalFor(INVITATION_ID, PLATFORM_ID, "a@example.com"))
                    .contains(RegistrationRejectionReason.INVITATION_UNKNOWN);
            assertThat(invitations.acceptedBy(INVITATION_ID, "registration-1")).isFalse();
        }

        @Test
        void aRefusalThatNamesNoInvitationHasNothingToCount() {
            doThrow(new AggregateNotFoundException(INVITATION_ID, "none")).when(repository).load(anyString());
            invitations.registrationRefused(INVITATION_ID, "registration-1", RegistrationRejectionReason.EMAIL_TAKEN);

            doThrow(new IncompatibleAggregateException("a customer's id")).when(repository).load(anyString());
            invitations.registrationRefused(INVITATION_ID, "registration-2", RegistrationRejectionReason.EMAIL_TAKEN);

            verify(repository, times(2)).load(INVITATION_ID);
            verifyNoMoreInteractions(repository);
        }
    }

    private <T> T sent(Class<T> type) {
        ArgumentCaptor<T> command = ArgumentCaptor.forClass(type);
        verify(dispatcher).send(command.capture(), eq(ADMIN));
        return command.getValue();
    }

    private static void assertNotFound(Runnable call, String invitationId) {
        InvitationNotFoundException refusal = catchThrowableOfType(InvitationNotFoundException.class, call::run);
        assertThat(refusal.code()).isEqualTo("invitation_not_found");
        assertThat(refusal).hasMessage("No invitation " + invitationId + " on this platform.");
    }
}
