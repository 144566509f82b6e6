package io.tally.auth.account;

import io.tally.auth.account.PasswordResets.Reset;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A platform admin's resets: the service chooses the password, and an id that is no customer's is not found. */
class PasswordResetsTest {

    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String RESET_ID = "11111111-2222-4333-8444-555555555555";
    private static final Caller ADMIN = new Caller("6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60", "PLATFORM_ADMIN",
            PLATFORM_ID);
    private static final Instant EXPIRES_AT = Instant.parse("2025-03-01T10:10:00Z");

    private Dispatcher dispatcher;
    private PasswordResets resets;

    @BeforeEach
    void setUp() {
        dispatcher = mock(Dispatcher.class);
        PasswordEncoder passwordEncoder = mock(PasswordEncoder.class);
        when(passwordEncoder.encode(anyString())).thenAnswer(call -> "{test}" + call.getArgument(0));
        resets = new PasswordResets(dispatcher, passwordEncoder);
    }

    private static void assertCustomerNotFound(Runnable reset) {
        assertThatThrownBy(reset::run).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo("customer_not_found");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        });
    }

    @Test
    void aGeneratedPasswordIsShownOnceAndOnlyItsHashIsSentForTheCallersPlatform() {
        when(dispatcher.send(any(), any())).thenReturn(EXPIRES_AT);

        Reset reset = resets.generate(ADMIN, CUSTOMER_ID.toUpperCase());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher).send(sent.capture(), any());
        GeneratePasswordResetCommand command = (GeneratePasswordResetCommand) sent.getValue();
        assertThat(reset.customerId()).isEqualTo(CUSTOMER_ID);
        assertThat(command.accountId()).isEqualTo(CUSTOMER_ID);
        assertThat(command.platformId()).isEqualTo(PLATFORM_ID);
        assertThat(command.resetId()).isEqualTo(reset.resetId());
        assertThat(command.passwordHash()).isEqualTo("{test}" + reset.password());
        assertThat(reset.password()).hasSize(GeneratedPasswords.LENGTH);
        assertThat(reset.expiresAt()).isEqualTo(EXPIRES_AT);
    }

    @Test
    void confirmingNamesTheCustomerTheCallersPlatformAndTheReset() {
        resets.confirm(ADMIN, CUSTOMER_ID, RESET_ID);

        verify(dispatcher).send(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID), ADMIN);
    }

    @Test
    void anIdThatIsNoUuidIsNoCustomer() {
        assertCustomerNotFound(() -> resets.generate(ADMIN, "not-a-uuid"));
        assertCustomerNotFound(() -> resets.confirm(ADMIN, "not-a-uuid", RESET_ID));

        verifyNoInteractions(dispatcher);
    }

    @Test
    void anIdOfNoAccountIsNoCustomer() {
        when(dispatcher.send(any(), any())).thenThrow(new AggregateNotFoundException(CUSTOMER_ID, "no such account"));

        assertCustomerNotFound(() -> resets.generate(ADMIN, CUSTOMER_ID));
        assertCustomerNotFound(() -> resets.confirm(ADMIN, CUSTOMER_ID, RESET_ID));
    }
}
