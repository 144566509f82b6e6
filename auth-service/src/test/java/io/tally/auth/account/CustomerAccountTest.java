package io.tally.auth.account;

import io.tally.auth.platform.PlatformNameRegistry;
import io.tally.contracts.auth.LoginLockedEvent;
import io.tally.contracts.auth.PasswordResetEvent;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A customer's credential: created without or with a password, resets, own changes, state and sessions. */
class CustomerAccountTest {

    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String OTHER_PLATFORM_ID = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final String RESET_ID = "11111111-2222-4333-8444-555555555555";
    private static final String NEWER_RESET_ID = "66666666-7777-4888-8999-aaaaaaaaaaaa";
    private static final String OLD_HASH = "{argon2}old";
    private static final String RESET_HASH = "{argon2}generated";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.250Z");
    /** The next whole second after NOW: every token issued up to NOW is older. */
    private static final Instant NOT_BEFORE = Instant.parse("2025-03-01T10:00:01Z");

    private AggregateTestFixture<Account> fixture;
    private UsernameRegistry usernames;

    @BeforeEach
    void setUp() {
        usernames = mock(UsernameRegistry.class);
        when(usernames.claim(any(), any(), anyString(), anyString())).thenReturn(true);
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(usernames);
        fixture.registerInjectableResource(mock(PlatformNameRegistry.class));
    }

    private static AccountCreatedEvent created(String passwordHash) {
        return new AccountCreatedEvent(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com",
                passwordHash);
    }

    private static PasswordResetGeneratedEvent generated(String resetId, Instant at) {
        return new PasswordResetGeneratedEvent(CUSTOMER_ID, resetId, RESET_HASH, at.plus(Account.RESET_LIFETIME));
    }

    @Test
    void aCreatedCustomerHasACredentialWithoutPassword() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com",
                        null))
                .expectEvents(created(null));
    }

    @Test
    void aRegisteredCustomerKeepsThePasswordOfTheRegistration() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com",
                        OLD_HASH))
                .expectEvents(created(OLD_HASH));
    }

    @Test
    void customersAreUniqueByEmailWithinTheirPlatform() {
        when(usernames.claim(AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com", CUSTOMER_ID)).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(CUSTOMER_ID, AccountRole.CUSTOMER, PLATFORM_ID, "eve@example.com",
                        null))
                .expectException(UsernameTakenException.class)
                .expectNoEvents();
    }

    @Test
    void aGeneratedPasswordExpiresInTenMinutesAndChangesNothingYet() {
        fixture.given(created(OLD_HASH))
                .andGivenCurrentTime(NOW)
                .when(new GeneratePasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID, RESET_HASH))
                .expectResultMessagePayload(NOW.plus(Duration.ofMinutes(10)))
                .expectEvents(generated(RESET_ID, NOW));
    }

    @Test
    void confirmingMakesTheGeneratedPasswordTheCustomersAndEndsTheirSessions() {
        fixture.given(created(OLD_HASH), generated(RESET_ID, NOW))
                .andGivenCurrentTime(NOW)
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID))
                .expectEvents(new PasswordResetEvent(RESET_ID, CUSTOMER_ID, PLATFORM_ID, NOW),
                        new PasswordChangedEvent(CUSTOMER_ID, RESET_HASH),
                        new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, NOT_BEFORE,
                                SessionRevocationReason.PASSWORD_RESET));
    }

    @Test
    void anUnconfirmedPasswordIsNeverUsableAfterTenMinutes() {
        fixture.given(created(OLD_HASH), generated(RESET_ID, NOW))
                .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(10)))
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID))
                .expectException(PasswordResetRefusedException.class)
                .expectException(breaking("password_reset_expired", null))
                .expectNoEvents();
    }

    @Test
    void aConfirmedResetCannotBeConfirmedAgain() {
        fixture.given(created(OLD_HASH), generated(RESET_ID, NOW),
                        new PasswordResetEvent(RESET_ID, CUSTOMER_ID, PLATFORM_ID, NOW))
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID))
                .expectException(breaking("password_reset_finished", null))
                .expectNoEvents();
    }

    @Test
    void aNewerGeneratedPasswordReplacesTheOlderOne() {
        fixture.given(created(OLD_HASH), generated(RESET_ID, NOW), generated(NEWER_RESET_ID, NOW))
                .andGivenCurrentTime(NOW)
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID))
                .expectException(breaking("password_reset_finished", null))
                .expectNoEvents();
    }

    @Test
    void anUnknownResetIsNotFound() {
        fixture.given(created(OLD_HASH))
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID))
                .expectException(PasswordResetNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherPlatformsAdminFindsNoSuchCustomer() {
        fixture.given(created(OLD_HASH))
                .when(new GeneratePasswordResetCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, RESET_ID, RESET_HASH))
                .expectException(AccountNotFoundException.class)
                .expectNoEvents();
        fixture.given(created(OLD_HASH), generated(RESET_ID, NOW))
                .when(new ConfirmPasswordResetCommand(CUSTOMER_ID, OTHER_PLATFORM_ID, RESET_ID))
                .expectException(AccountNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anOperatorsPasswordIsNotResetThroughTheCustomerRoute() {
        fixture.given(new AccountCreatedEvent(CUSTOMER_ID, AccountRole.PLATFORM_ADMIN, PLATFORM_ID, "ada@example.com",
                        OLD_HASH))
                .when(new GeneratePasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID, RESET_HASH))
                .expectException(AccountNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aResetOrAChangeNeedsAPasswordHash() {
        fixture.given(created(OLD_HASH))
                .when(new GeneratePasswordResetCommand(CUSTOMER_ID, PLATFORM_ID, RESET_ID, " "))
                .expectException(breaking("password_required", "password"))
                .expectNoEvents();
        fixture.given(created(OLD_HASH))
                .when(new ChangePasswordCommand(CUSTOMER_ID, null))
                .expectException(breaking("password_required", "newPassword"))
                .expectNoEvents();
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessions() {
        fixture.given(created(OLD_HASH))
                .andGivenCurrentTime(NOW)
                .when(new ChangePasswordCommand(CUSTOMER_ID, "{argon2}mine"))
                .expectEvents(new PasswordChangedEvent(CUSTOMER_ID, "{argon2}mine"),
                        new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, NOT_BEFORE,
                                SessionRevocationReason.PASSWORD_CHANGED));
    }

    @Test
    void disablingEndsTheSessionsAndEnablingLetsTheCustomerBackIn() {
        fixture.given(created(OLD_HASH))
                .andGivenCurrentTime(NOW)
                .when(new SetAccountEnabledCommand(CUSTOMER_ID, false))
                .expectEvents(new AccountEnabledChangedEvent(CUSTOMER_ID, false),
                        new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, NOT_BEFORE,
                                SessionRevocationReason.CUSTOMER_DISABLED));
        fixture.given(created(OLD_HASH), new AccountEnabledChangedEvent(CUSTOMER_ID, false))
                .when(new SetAccountEnabledCommand(CUSTOMER_ID, true))
                .expectEvents(new AccountEnabledChangedEvent(CUSTOMER_ID, true));
    }

    @Test
    void aStateTheAccountAlreadyHasChangesNothing() {
        fixture.given(created(OLD_HASH))
                .when(new SetAccountEnabledCommand(CUSTOMER_ID, true))
                .expectNoEvents();
        fixture.given(created(OLD_HASH), new AccountEnabledChangedEvent(CUSTOMER_ID, false))
                .when(new SetAccountEnabledCommand(CUSTOMER_ID, false))
                .expectNoEvents();
    }

    @Test
    void aRevocationWithinTheSecondOfAnEarlierOneStillEndsTokensIssuedInBetween() {
        // After the first revocation, tokens are dated NOT_BEFORE; the second must end those too.
        fixture.given(created(OLD_HASH), new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, NOT_BEFORE,
                        SessionRevocationReason.LOGOUT))
                .andGivenCurrentTime(NOW.plusMillis(100))
                .when(new EndSessionsCommand(CUSTOMER_ID, SessionRevocationReason.LOGOUT))
                .expectEvents(new SessionsRevokedEvent(CUSTOMER_ID, PLATFORM_ID, NOT_BEFORE.plusSeconds(1),
                        SessionRevocationReason.LOGOUT));
    }

    @Test
    void aLockIsPublishedWithItsEndAndTheFailures() {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        fixture.given(created(OLD_HASH))
                .when(new LockLoginCommand(CUSTOMER_ID, until, 10))
                .expectEvents(new LoginLockedEvent(CUSTOMER_ID, PLATFORM_ID, until, 10));
    }
}
