package io.tally.auth.registration;

import io.tally.auth.registration.InvitationsView.KnownInvitation;
import io.tally.auth.registration.RegistrationStatusProjection.RegistrationStatus;
import io.tally.service.security.Secrets;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** What auth-service checks of a public registration before it submits it, and the status resource's ids. */
class RegistrationsTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String TOKEN = "an-invitation-link-token";
    private static final String INVITATION_ID = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String PASSWORD = "saffron-meadow-7";

    private InvitationsView invitations;
    private RegistrationStatusProjection statuses;
    private Dispatcher dispatcher;
    private Registrations registrations;

    @BeforeEach
    void setUp() {
        invitations = mock(InvitationsView.class);
        statuses = mock(RegistrationStatusProjection.class);
        dispatcher = mock(Dispatcher.class);
        PasswordEncoder passwordEncoder = mock(PasswordEncoder.class);
        when(passwordEncoder.encode(anyString())).thenAnswer(call -> "{test}" + call.getArgument(0));
        registrations = new Registrations(invitations, statuses, dispatcher, passwordEncoder,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void invitation(String status, String email, Instant expiresAt) {
        when(invitations.findByTokenSha256(Secrets.sha256(TOKEN)))
                .thenReturn(Optional.of(new KnownInvitation(INVITATION_ID, PLATFORM_ID, email, expiresAt, status)));
    }

    private ThrowingCallable submitting(String email, String teamName, String password) {
        return () -> registrations.submit(" " + TOKEN + " ", email, teamName, password);
    }

    private void assertRefused(ThrowingCallable submit, String code, String field) {
        assertThatThrownBy(submit).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aUsableInvitationSubmitsTheRegistrationWithTheHashAndAnswersItsStatus() {
        invitation("ISSUED", null, NOW.plus(Duration.ofDays(7)));
        RegistrationStatus pending = new RegistrationStatus("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "PENDING",
                null, NOW, null);
        when(statuses.find(any())).thenReturn(Optional.of(pending));

        assertThat(registrations.submit(" " + TOKEN + " ", " eve@example.com ", " Eve's ", PASSWORD))
                .isEqualTo(pending);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher).send(sent.capture(), isNull());
        SubmitRegistrationCommand command = (SubmitRegistrationCommand) sent.getValue();
        assertThat(command).isEqualTo(new SubmitRegistrationCommand(command.registrationId(), INVITATION_ID,
                PLATFORM_ID, "eve@example.com", "Eve's", "{test}" + PASSWORD));
        verify(statuses).find(UUID.fromString(command.registrationId()));
    }

    @Test
    void aTeamNameWithControlCharactersIsABadRequest() {
        invitation("ISSUED", null, NOW.plus(Duration.ofDays(7)));

        assertThatThrownBy(submitting("eve@example.com", "Bell\u0007", PASSWORD))
                .isInstanceOfSatisfying(BadRequestException.class, bad -> {
                    assertThat(bad.field()).isEqualTo("teamName");
                    assertThat(bad.rule()).isEqualTo("control_character");
                });
        verifyNoInteractions(dispatcher);
    }

    @Test
    void thePasswordKeepsThePolicyBeforeTheLinkIsLookedAt() {
        assertRefused(submitting("eve@example.com", "Eve's", "too-short"), "password_too_short", "password");
        assertRefused(submitting("eve@example.com", "Eve's", "Eve@Example.com"), "password_is_email", "password");
        verifyNoInteractions(invitations);
    }

    @Test
    void anUnknownLinkIsRefused() {
        assertRefused(submitting("eve@example.com", "Eve's", PASSWORD), "invitation_unknown", "invitationToken");
    }

    @Test
    void aUsedRevokedOrExpiredLinkIsRefusedByItsStatus() {
        invitation("ACCEPTED", null, NOW.plus(Duration.ofDays(7)));
        assertRefused(submitting("eve@example.com", "Eve's", PASSWORD), "invitation_used", "invitationToken");
        invitation("REVOKED", null, NOW.plus(Duration.ofDays(7)));
        assertRefused(submitting("eve@example.com", "Eve's", PASSWORD), "invitation_revoked", "invitationToken");
        invitation("EXPIRED", null, NOW.plus(Duration.ofDays(7)));
        assertRefused(submitting("eve@example.com", "Eve's", PASSWORD), "invitation_expired", "invitationToken");
    }

    @Test
    void aLockedLinkIsRefusedExactlyAsAUsedOne() {
        invitation("ACCEPTED", null, NOW.plus(Duration.ofDays(7)));
        DomainException used = catchThrowableOfType(DomainException.class,
                () -> registrations.submit(TOKEN, "eve@example.com", "Eve's", PASSWORD));
        invitation("LOCKED", null, NOW.plus(Duration.ofDays(7)));
        DomainException locked = catchThrowableOfType(DomainException.class,
                () -> registrations.submit(TOKEN, "eve@example.com", "Eve's", PASSWORD));

        assertThat(locked).hasMessage(used.getMessage()).isExactlyInstanceOf(used.getClass());
        assertThat(locked.code()).isEqualTo("invitation_used").isEqualTo(used.code());
        assertThat(locked.field()).isEqualTo(used.field());
        assertThat(locked.kind()).isEqualTo(used.kind());
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aRefusalForATakenAddressIsShownAsARegistrationThatWentThrough() {
        Instant decided = NOW.plusMillis(300);
        RegistrationStatus registered = RegistrationStatus.shown("r1", "COMPLETED", null, NOW, decided);
        RegistrationStatus taken = RegistrationStatus.shown("r1", "REJECTED", "EMAIL_TAKEN", NOW, decided);

        assertThat(taken).isEqualTo(registered)
                .isEqualTo(new RegistrationStatus("r1", "COMPLETED", null, NOW, decided));
    }

    @Test
    void everyOtherDecisionIsShownAsItWas() {
        for (String reason : new String[] {"INVITATION_UNKNOWN", "INVITATION_USED", "INVITATION_EXPIRED",
                "INVITATION_REVOKED", "EMAIL_MISMATCH", "INVALID_SUBMISSION",
                RegistrationStatusProjection.NOT_DECIDED}) {
            assertThat(RegistrationStatus.shown("r1", "REJECTED", reason, NOW, NOW))
                    .isEqualTo(new RegistrationStatus("r1", "REJECTED", reason, NOW, NOW));
        }
        assertThat(RegistrationStatus.shown("r1", "PENDING", null, NOW, null))
                .isEqualTo(new RegistrationStatus("r1", "PENDING", null, NOW, null));
    }

    @Test
    void anIssuedLinkExpiresAtItsTimeEvenBeforeCustomerServiceSaysSo() {
        invitation("ISSUED", null, NOW);
        assertRefused(submitting("eve@example.com", "Eve's", PASSWORD), "invitation_expired", "invitationToken");
    }

    @Test
    void aLinkForOneEmailIsRefusedForAnotherButNotForAnotherCase() {
        invitation("ISSUED", "quinn@example.com", NOW.plusSeconds(1));
        assertRefused(submitting("pat@example.com", "Pat's", PASSWORD), "email_mismatch", "email");

        when(statuses.find(any())).thenReturn(Optional.of(new RegistrationStatus(
                "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "PENDING", null, NOW, null)));
        registrations.submit(TOKEN, "QUINN@example.com", "Quinn's", PASSWORD);
        verify(dispatcher).send(any(SubmitRegistrationCommand.class), isNull());
    }

    @Test
    void aStatusIsFoundByItsIdAndAnythingElseIsNotFound() {
        UUID known = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
        RegistrationStatus status = new RegistrationStatus(known.toString(), "PENDING", null, NOW, null);
        when(statuses.find(known)).thenReturn(Optional.of(status));

        assertThat(registrations.status(known.toString())).isEqualTo(status);
        for (String unknown : new String[] {"nope", UUID.randomUUID().toString()}) {
            assertThatThrownBy(() -> registrations.status(unknown))
                    .isInstanceOfSatisfying(DomainException.class,
                            refused -> assertThat(refused.code()).isEqualTo("registration_not_found"));
        }
    }
}
