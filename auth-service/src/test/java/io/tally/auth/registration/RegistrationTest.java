package io.tally.auth.registration;

import io.tally.contracts.auth.RegistrationSubmittedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class RegistrationTest {

    private static final String REGISTRATION_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String INVITATION_ID = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(24);
    private static final Instant DUE = NOW.plus(DEADLINE);

    private AggregateTestFixture<Registration> fixture;
    private PendingPasswords pendingPasswords;

    @BeforeEach
    void setUp() {
        pendingPasswords = mock(PendingPasswords.class);
        fixture = new AggregateTestFixture<>(Registration.class);
        fixture.registerInjectableResource(pendingPasswords);
    }

    private static RegistrationSubmittedEvent submitted() {
        return new RegistrationSubmittedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, "eve@example.com", "Eve's");
    }

    @Test
    void aSubmissionIsPublishedWithoutThePasswordWhoseHashWaitsAside() {
        fixture.givenCurrentTime(NOW)
                .when(new SubmitRegistrationCommand(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, "eve@example.com",
                        "Eve's", "{argon2}hash"))
                .expectEvents(submitted(),
                        new RegistrationReceivedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, NOW));
        verify(pendingPasswords).keep(REGISTRATION_ID, "{argon2}hash");
    }

    @Test
    void customerServicesDecisionIsTakenOnce() {
        fixture.given(submitted())
                .andGivenCurrentTime(NOW)
                .when(new CompleteRegistrationCommand(REGISTRATION_ID, CUSTOMER_ID))
                .expectEvents(new RegistrationCompletedEvent(REGISTRATION_ID, CUSTOMER_ID, NOW));
        fixture.given(submitted(), new RegistrationCompletedEvent(REGISTRATION_ID, CUSTOMER_ID, NOW))
                .when(new RejectRegistrationCommand(REGISTRATION_ID, RegistrationRejectionReason.INVITATION_USED))
                .expectNoEvents();
        fixture.given(submitted())
                .andGivenCurrentTime(NOW)
                .when(new RejectRegistrationCommand(REGISTRATION_ID, RegistrationRejectionReason.EMAIL_TAKEN))
                .expectEvents(new RegistrationRefusedEvent(REGISTRATION_ID, RegistrationRejectionReason.EMAIL_TAKEN,
                        NOW));
        fixture.given(submitted(), new RegistrationRefusedEvent(REGISTRATION_ID,
                        RegistrationRejectionReason.EMAIL_TAKEN, NOW))
                .when(new CompleteRegistrationCommand(REGISTRATION_ID, CUSTOMER_ID))
                .expectNoEvents();
    }

    private static RegistrationReceivedEvent received() {
        return new RegistrationReceivedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID, NOW);
    }

    @Test
    void aRegistrationNobodyDecidedOnEndsOnceTheDeadlineHasPassed() {
        fixture.given(submitted(), received())
                .andGivenCurrentTime(DUE)
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectEvents(new RegistrationExpiredEvent(REGISTRATION_ID, DUE));
        fixture.given(submitted(), received())
                .andGivenCurrentTime(DUE.plus(Duration.ofDays(3)))
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectEvents(new RegistrationExpiredEvent(REGISTRATION_ID, DUE.plus(Duration.ofDays(3))));
    }

    @Test
    void aRegistrationWithinTheDeadlineIsNotEnded() {
        fixture.given(submitted(), received())
                .andGivenCurrentTime(DUE.minusNanos(1))
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDecidedRegistrationIsNotEndedAgain() {
        fixture.given(submitted(), received(), new RegistrationCompletedEvent(REGISTRATION_ID, CUSTOMER_ID, NOW))
                .andGivenCurrentTime(DUE)
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), received(), new RegistrationRefusedEvent(REGISTRATION_ID,
                        RegistrationRejectionReason.EMAIL_TAKEN, NOW))
                .andGivenCurrentTime(DUE)
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), received(), new RegistrationExpiredEvent(REGISTRATION_ID, DUE))
                .andGivenCurrentTime(DUE.plusSeconds(60))
                .when(new ExpireRegistrationCommand(REGISTRATION_ID, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDecisionArrivingAfterTheExpiryChangesNothing() {
        fixture.given(submitted(), received(), new RegistrationExpiredEvent(REGISTRATION_ID, DUE))
                .andGivenCurrentTime(DUE.plusSeconds(60))
                .when(new CompleteRegistrationCommand(REGISTRATION_ID, CUSTOMER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(submitted(), received(), new RegistrationExpiredEvent(REGISTRATION_ID, DUE))
                .andGivenCurrentTime(DUE.plusSeconds(60))
                .when(new RejectRegistrationCommand(REGISTRATION_ID, RegistrationRejectionReason.EMAIL_TAKEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
