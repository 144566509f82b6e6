package io.tally.auth.account;

import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.TeamType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Customers' credentials follow customer-service's facts, each at most once. */
class CustomerCredentialsIntakeTest {

    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";

    private CommandGateway commandGateway;
    private AccountCredentialsProjection credentials;
    private UsernameRegistry usernames;
    private CustomerCredentialsIntake intake;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        credentials = mock(AccountCredentialsProjection.class);
        usernames = mock(UsernameRegistry.class);
        intake = new CustomerCredentialsIntake(commandGateway, credentials, usernames);
    }

    private static CustomerCreatedEvent created() {
        return new CustomerCreatedEvent(CUSTOMER_ID, PLATFORM_ID, "eve@example.com", "Eve's", null,
                TeamType.DEFAULT, Instant.parse("2025-03-01T10:00:00Z"));
    }

    private void known() {
        when(credentials.find(CUSTOMER_ID)).thenReturn(Optional.of(new AccountCredentials(CUSTOMER_ID,
                AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com", null, true, null)));
    }

    @Test
    void aCreatedCustomerGetsACredentialWithoutPassword() {
        intake.on(created());

        verify(commandGateway).sendAndWait(new CreateAccountCommand(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID,
                "eve@example.com", null));
    }

    @Test
    void aRegisteredCustomerGetsThePasswordTheRegistrationHandsOver() {
        intake.create(CUSTOMER_ID, PLATFORM_ID, "eve@example.com", "{argon2}kept");

        verify(commandGateway).sendAndWait(new CreateAccountCommand(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID,
                "eve@example.com", "{argon2}kept"));
    }

    @Test
    void aCustomerWithACredentialGetsNoSecond() {
        known();

        intake.on(created());

        verifyNoInteractions(commandGateway);
    }

    @Test
    void anEmailAnotherCustomerOfThePlatformHoldsGetsNoCredential() {
        when(usernames.isTaken(AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com")).thenReturn(true);

        intake.on(created());

        verifyNoInteractions(commandGateway);
    }

    @Test
    void aKnownCustomerIsDisabledAndEnabled() {
        known();

        intake.on(new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID));
        intake.on(new CustomerEnabledEvent(CUSTOMER_ID, PLATFORM_ID));

        verify(commandGateway).sendAndWait(new SetAccountEnabledCommand(CUSTOMER_ID, false));
        verify(commandGateway).sendAndWait(new SetAccountEnabledCommand(CUSTOMER_ID, true));
    }

    @Test
    void anUnknownCustomersStateChangeIsIgnored() {
        intake.on(new CustomerDisabledEvent(CUSTOMER_ID, PLATFORM_ID));

        verifyNoInteractions(commandGateway);
    }
}
