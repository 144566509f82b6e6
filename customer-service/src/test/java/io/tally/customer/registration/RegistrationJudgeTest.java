package io.tally.customer.registration;

import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.customer.CustomerAccounts;
import io.tally.customer.invitation.Invitations;
import io.tally.service.web.EmailAddress;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The judgement of a submitted registration: what it registers, what it rejects, and what it ignores. */
class RegistrationJudgeTest {

    private static final String REGISTRATION_ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    private static final String INVITATION_ID = "3c9b1f0e-7a2d-4e8f-b6c5-d4e3f2a1b0c9";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String EMAIL = "grace@example.com";

    private final Invitations invitations = mock(Invitations.class);
    private final CustomerAccounts customers = mock(CustomerAccounts.class);
    private AggregateTestFixture<Registration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Registration.class);
        fixture.registerAnnotatedCommandHandler(new RegistrationJudge(fixture.getRepository(), invitations, customers));
    }

    private static SubmitRegistrationCommand submission(String email, String teamName) {
        return new SubmitRegistrationCommand(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, email, teamName);
    }

    private static RegistrationRejectedEvent rejected(RegistrationRejectionReason reason) {
        return new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, reason);
    }

    private void invitationOpen() {
        when(invitations.refusalFor(INVITATION_ID, PLATFORM_ID, EMAIL)).thenReturn(Optional.empty());
    }

    @Test
    void anOpenInvitationRegistersTheCustomerAndIsUsedForTheSameCustomer() throws Exception {
        invitationOpen();
        when(customers.claimEmail(eq(PLATFORM_ID), eq(EMAIL), anyString())).thenReturn(true);

        fixture.givenNoPriorActivity()
                .when(submission(EMAIL, "Compilers"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        ArgumentCaptor<String> claimedFor = ArgumentCaptor.forClass(String.class);
        verify(customers).claimEmail(eq(PLATFORM_ID), eq(EMAIL), claimedFor.capture());
        verify(invitations).accept(INVITATION_ID, REGISTRATION_ID, claimedFor.getValue());
        verify(customers).register(claimedFor.getValue(), new CustomerAccounts.Registrant(PLATFORM_ID, EMAIL,
                "Compilers", REGISTRATION_ID, INVITATION_ID));
        verify(invitations, never()).registrationRefused(anyString(), anyString(), any());
    }

    @ParameterizedTest
    @EnumSource(value = RegistrationRejectionReason.class,
            names = {"INVITATION_UNKNOWN", "INVITATION_USED", "INVITATION_EXPIRED", "INVITATION_REVOKED",
                    "EMAIL_MISMATCH"})
    void whatTheInvitationRefusesIsRejectedAndNothingIsClaimed(RegistrationRejectionReason reason) throws Exception {
        when(invitations.refusalFor(INVITATION_ID, PLATFORM_ID, EMAIL)).thenReturn(Optional.of(reason));

        fixture.givenNoPriorActivity()
                .when(submission(EMAIL, "Compilers"))
                .expectEvents(rejected(reason));

        verify(customers, never()).claimEmail(anyString(), anyString(), anyString());
        verify(customers, never()).register(anyString(), any());
        verify(invitations, never()).accept(anyString(), anyString(), anyString());
        verify(invitations).registrationRefused(INVITATION_ID, REGISTRATION_ID, reason);
    }

    @Test
    void aTakenEmailIsRejectedTheAddressIsToldByMailAndTheInvitationCountsIt() throws Exception {
        invitationOpen();
        when(customers.claimEmail(eq(PLATFORM_ID), eq(EMAIL), anyString())).thenReturn(false);

        fixture.givenNoPriorActivity()
                .when(submission(EMAIL, "Compilers"))
                .expectEvents(rejected(RegistrationRejectionReason.EMAIL_TAKEN),
                        new EmailTakenNoticeRequestedEvent(REGISTRATION_ID, PLATFORM_ID, EMAIL));

        verify(invitations).registrationRefused(INVITATION_ID, REGISTRATION_ID,
                RegistrationRejectionReason.EMAIL_TAKEN);
        verify(invitations, never()).accept(anyString(), anyString(), anyString());
        verify(customers, never()).register(anyString(), any());
    }

    static Stream<SubmitRegistrationCommand> malformedSubmissions() {
        return Stream.of(
                submission(EMAIL, "a\u0000b"),
                submission("nul\u0000@example.com", "Team"),
                submission("no-at-sign", "Team"),
                submission("a b@example.com", "Team"),
                submission(null, "Team"),
                submission("x".repeat(EmailAddress.MAX_LENGTH - 11) + "@example.com", "Team"),
                submission(EMAIL, null),
                submission(EMAIL, "   "),
                submission(EMAIL, "t".repeat(CustomerAccounts.MAX_TEAM_NAME_LENGTH + 1)),
                new SubmitRegistrationCommand(REGISTRATION_ID, "not-an-invitation", PLATFORM_ID, EMAIL, "Team"),
                new SubmitRegistrationCommand(REGISTRATION_ID, INVITATION_ID, "not-a-platform", EMAIL, "Team"),
                new SubmitRegistrationCommand(REGISTRATION_ID, "1-1-1-1-1", PLATFORM_ID, EMAIL, "Team"));
    }

    @ParameterizedTest
    @MethodSource("malformedSubmissions")
    void aMalformedSubmissionIsRejectedWithoutAskingTheInvitation(SubmitRegistrationCommand submission) {
        fixture.givenNoPriorActivity()
                .when(submission)
                .expectEvents(new RegistrationRejectedEvent(REGISTRATION_ID, submission.invitationId(),
                        submission.platformId(), RegistrationRejectionReason.INVALID_SUBMISSION));

        verifyNoInteractions(invitations, customers);
    }

    @Test
    void theLongestEmailAndTeamNameAreWellFormed() {
        String longestEmail = "x".repeat(EmailAddress.MAX_LENGTH - 12) + "@example.com";
        assertThat(longestEmail).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(RegistrationJudge.wellFormed(submission(longestEmail, "Team"))).isTrue();
        assertThat(RegistrationJudge.wellFormed(submission(EMAIL,
                "  " + "t".repeat(CustomerAccounts.MAX_TEAM_NAME_LENGTH) + "  "))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-registration", "1-1-1-1-1"})
    void aSubmissionWithoutAUsableRegistrationIdIsDropped(String registrationId) {
        fixture.givenNoPriorActivity()
                .when(new SubmitRegistrationCommand(registrationId, INVITATION_ID, PLATFORM_ID, EMAIL, "Team"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        verifyNoInteractions(invitations, customers);
    }

    @Test
    void aRejectedSubmissionDeliveredAgainIsNotJudgedAgain() {
        fixture.given(rejected(RegistrationRejectionReason.INVITATION_REVOKED))
                .when(submission(EMAIL, "Compilers"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        verifyNoInteractions(invitations, customers);
    }

    @Test
    void anAcceptedSubmissionDeliveredAgainIsNotJudgedAgain() throws Exception {
        when(invitations.acceptedBy(INVITATION_ID, REGISTRATION_ID)).thenReturn(true);

        fixture.givenNoPriorActivity()
                .when(submission(EMAIL, "Compilers"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        verify(invitations, never()).refusalFor(anyString(), anyString(), anyString());
        verify(customers, never()).claimEmail(anyString(), anyString(), anyString());
        verify(customers, never()).register(anyString(), any());
    }
}
