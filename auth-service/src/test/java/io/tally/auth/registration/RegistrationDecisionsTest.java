package io.tally.auth.registration;

import io.tally.auth.account.CustomerCredentialsIntake;
import io.tally.auth.registration.RegistrationStatusProjection.RegistrationStatus;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** customer-service's decisions: the credential gets the kept password, and only our registrations follow. */
class RegistrationDecisionsTest {

    private static final String REGISTRATION_ID = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String INVITATION_ID = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private CommandGateway commandGateway;
    private CustomerCredentialsIntake credentials;
    private RegistrationStatusProjection registrations;
    private PendingPasswords pendingPasswords;
    private RegistrationDecisions decisions;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        credentials = mock(CustomerCredentialsIntake.class);
        registrations = mock(RegistrationStatusProjection.class);
        pendingPasswords = mock(PendingPasswords.class);
        decisions = new RegistrationDecisions(commandGateway, credentials, registrations, pendingPasswords);
    }

    private void ours() {
        when(registrations.find(UUID.fromString(REGISTRATION_ID))).thenReturn(Optional.of(new RegistrationStatus(
                REGISTRATION_ID, "PENDING", null, NOW, null)));
    }

    private static CustomerRegisteredEvent registered(String registrationId) {
        return new CustomerRegisteredEvent(CUSTOMER_ID, PLATFORM_ID, "eve@example.com", "Eve's", registrationId,
                INVITATION_ID, NOW);
    }

    @Test
    void aRegisteredCustomerGetsThePasswordKeptSinceTheSubmissionAndTheRegistrationCompletes() {
        ours();
        when(pendingPasswords.take(REGISTRATION_ID)).thenReturn(Optional.of("{argon2}kept"));

        decisions.on(registered(REGISTRATION_ID));

        verify(credentials).create(CUSTOMER_ID, PLATFORM_ID, "eve@example.com", "{argon2}kept");
        verify(commandGateway).sendAndWait(new CompleteRegistrationCommand(REGISTRATION_ID, CUSTOMER_ID));
    }

    @Test
    void aCustomerRegisteredWithoutOurRegistrationGetsACredentialWithoutPassword() {
        decisions.on(registered(null));

        verify(credentials).create(CUSTOMER_ID, PLATFORM_ID, "eve@example.com", null);
        verifyNoInteractions(commandGateway, pendingPasswords);
    }

    @Test
    void aRejectedRegistrationForgetsThePasswordAndIsRefused() {
        ours();

        decisions.on(new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                RegistrationRejectionReason.EMAIL_TAKEN));

        verify(pendingPasswords).take(REGISTRATION_ID);
        verify(commandGateway).sendAndWait(new RejectRegistrationCommand(REGISTRATION_ID,
                RegistrationRejectionReason.EMAIL_TAKEN));
    }

    @Test
    void anotherServicesRejectionIsNotOurs() {
        decisions.on(new RegistrationRejectedEvent(REGISTRATION_ID, INVITATION_ID, PLATFORM_ID,
                RegistrationRejectionReason.EMAIL_TAKEN));

        verify(pendingPasswords, never()).take(REGISTRATION_ID);
        verifyNoInteractions(commandGateway);
    }
}
