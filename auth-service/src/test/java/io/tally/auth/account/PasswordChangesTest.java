package io.tally.auth.account;

import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.auth.throttle.LoginThrottle;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The rules of changing one's own password, each refusal with the answer the API gives. */
class PasswordChangesTest {

    private static final String ACCOUNT_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String SCOPE = "password-change:" + ACCOUNT_ID;
    private static final String ADDRESS = "203.0.113.7";
    private static final String CURRENT = "amber-falcon-river-9";
    private static final String CHOSEN = "violet-harbour-lantern";
    private static final Caller CALLER = new Caller(ACCOUNT_ID, "CUSTOMER", PLATFORM_ID);
    private static final AccountCredentials ACCOUNT = new AccountCredentials(ACCOUNT_ID, AccountRole.CUSTOMER,
            PLATFORM_ID, "lena@example.com", "{test}current", true, null);
    private static final AccountCredentials CHANGED = new AccountCredentials(ACCOUNT_ID, AccountRole.CUSTOMER,
            PLATFORM_ID, "lena@example.com", "{test}chosen", true, Instant.parse("2025-03-01T10:00:01Z"));
    private static final Tokens TOKENS = new Tokens("access", "Bearer", 900, "refresh", 43_200);

    private AccountCredentialsProjection credentials;
    private PasswordEncoder passwordEncoder;
    private Dispatcher dispatcher;
    private Sessions sessions;
    private LoginThrottle throttle;
    private PasswordChanges changes;

    @BeforeEach
    void setUp() {
        credentials = mock(AccountCredentialsProjection.class);
        when(credentials.find(ACCOUNT_ID)).thenReturn(Optional.of(ACCOUNT));
        passwordEncoder = mock(PasswordEncoder.class);
        when(passwordEncoder.matches(CURRENT, "{test}current")).thenReturn(true);
        when(passwordEncoder.encode(anyString())).thenAnswer(call -> "{test}" + call.getArgument(0));
        dispatcher = mock(Dispatcher.class);
        sessions = mock(Sessions.class);
        when(sessions.start(CHANGED)).thenReturn(TOKENS);
        throttle = mock(LoginThrottle.class);
        when(throttle.refusal(anyString(), anyString())).thenReturn(Optional.empty());
        changes = new PasswordChanges(credentials, passwordEncoder, dispatcher, sessions, throttle);
    }

    private static void assertRefused(ThrowingCallable change, String code, String field) {
        assertThatThrownBy(change).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
    }

    @Test
    void theNewPasswordIsHashedAndTheCallerGetsANewSessionOfTheChangedAccount() {
        when(credentials.find(ACCOUNT_ID)).thenReturn(Optional.of(ACCOUNT)).thenReturn(Optional.of(CHANGED));

        assertThat(changes.change(CALLER, CURRENT, CHOSEN, ADDRESS)).isEqualTo(TOKENS);

        verify(dispatcher).send(new ChangePasswordCommand(ACCOUNT_ID, "{test}" + CHOSEN), CALLER);
        verify(throttle).succeeded(SCOPE);
        verify(sessions).start(CHANGED);
    }

    @Test
    void whileLockedEvenTheRightPasswordIsRefusedWithRetryAfter() {
        when(throttle.refusal(SCOPE, ADDRESS)).thenReturn(Optional.of(Duration.ofSeconds(90)));

        assertThatThrownBy(() -> changes.change(CALLER, CURRENT, CHOSEN, ADDRESS))
                .isInstanceOfSatisfying(PasswordChangeLockedException.class, locked -> {
                    assertThat(locked.retryAfterSeconds()).isEqualTo(90);
                    assertThat(locked).hasMessage("Too many wrong current passwords; try again in 90 seconds.");
                });

        verify(passwordEncoder, never()).matches(any(), any());
        verifyNoInteractions(dispatcher, sessions);
    }

    @Test
    void aLockOfLessThanASecondStillAsksToWaitOneSecond() {
        when(throttle.refusal(SCOPE, ADDRESS)).thenReturn(Optional.of(Duration.ofMillis(300)));

        assertThatThrownBy(() -> changes.change(CALLER, CURRENT, CHOSEN, ADDRESS))
                .isInstanceOfSatisfying(PasswordChangeLockedException.class,
                        locked -> assertThat(locked.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountedTowardsTheLock() {
        assertRefused(() -> changes.change(CALLER, "not the current one", CHOSEN, ADDRESS),
                "current_password_wrong", "currentPassword");

        verify(throttle).failed(SCOPE, ADDRESS);
        verify(throttle, never()).succeeded(anyString());
        verifyNoInteractions(dispatcher, sessions);
    }

    @Test
    void anAccountWithoutAPasswordHasNoCurrentPasswordToGive() {
        when(credentials.find(ACCOUNT_ID)).thenReturn(Optional.of(new AccountCredentials(ACCOUNT_ID,
                AccountRole.CUSTOMER, PLATFORM_ID, "lena@example.com", null, true, null)));

        assertRefused(() -> changes.change(CALLER, CURRENT, CHOSEN, ADDRESS), "current_password_wrong",
                "currentPassword");

        verify(passwordEncoder, never()).matches(any(), any());
        verify(throttle).failed(SCOPE, ADDRESS);
        verifyNoInteractions(dispatcher);
    }

    @Test
    void theNewPasswordKeepsThePolicyAndNamesItsField() {
        assertRefused(() -> changes.change(CALLER, CURRENT, "short", ADDRESS), "password_too_short", "newPassword");
        assertRefused(() -> changes.change(CALLER, CURRENT, "Lena@Example.com", ADDRESS), "password_is_email",
                "newPassword");
        assertRefused(() -> changes.change(CALLER, CURRENT, "Password1234", ADDRESS), "password_too_common",
                "newPassword");

        verify(throttle, never()).failed(anyString(), anyString());
        verifyNoInteractions(dispatcher, sessions);
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() {
        assertRefused(() -> changes.change(CALLER, CURRENT, CURRENT, ADDRESS), "password_unchanged", "newPassword");

        verify(throttle, never()).succeeded(anyString());
        verify(throttle, never()).failed(anyString(), anyString());
        verifyNoInteractions(dispatcher, sessions);
    }
}
