package io.tally.auth.signin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.auth.account.AccountCredentialsProjection;
import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.account.EndSessionsCommand;
import io.tally.auth.account.LockLoginCommand;
import io.tally.auth.session.SessionAccount;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Refresh;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.auth.throttle.LoginThrottle;
import io.tally.auth.throttle.LoginThrottle.Lock;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Every rule of signing in, refreshing and signing out, with the answers the API gives: the same refusal for an
 * unknown user, a wrong password and a customer without a password, each at the cost of one hash comparison;
 * locks with their Retry-After; disabled accounts; a customer found only within the platform named.
 */
class SignInTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String ADMIN_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final String CUSTOMER_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final UUID PLATFORM = UUID.fromString("0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6");
    private static final UUID OTHER_PLATFORM = UUID.fromString("9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b");
    private static final String UNKNOWN_USER_HASH = "{test}unknown-user";
    private static final String ADMIN_HASH = "{test}ada";
    private static final String CUSTOMER_HASH = "{test}eve";
    private static final Tokens TOKENS = new Tokens("access", "Bearer", 900, "refresh", 43_200);
    /** The role is the account slice's business: sign-in never looks at it. */
    private static final AccountCredentials ADMIN = new AccountCredentials(ADMIN_ID, null, PLATFORM.toString(),
            "ada@example.com", ADMIN_HASH, true, null);
    private static final AccountCredentials CUSTOMER = new AccountCredentials(CUSTOMER_ID, null,
            PLATFORM.toString(), "eve@example.com", CUSTOMER_HASH, true, null);

    private AccountCredentialsProjection credentials;
    private PasswordEncoder passwordEncoder;
    private Sessions sessions;
    private LoginThrottle throttle;
    private Dispatcher dispatcher;
    private SimpleMeterRegistry meters;
    private SignIn signIn;

    @BeforeEach
    void setUp() {
        credentials = mock(AccountCredentialsProjection.class);
        when(credentials.findOperator(anyString())).thenReturn(Optional.empty());
        when(credentials.findCustomer(any(), anyString())).thenReturn(Optional.empty());
        when(credentials.findOperator("Ada@Example.com")).thenReturn(Optional.of(ADMIN));
        when(credentials.findCustomer(PLATFORM, "eve@example.com")).thenReturn(Optional.of(CUSTOMER));
        passwordEncoder = mock(PasswordEncoder.class);
        when(passwordEncoder.encode("no account has this password")).thenReturn(UNKNOWN_USER_HASH);
        when(passwordEncoder.matches("ada's password", ADMIN_HASH)).thenReturn(true);
        when(passwordEncoder.matches("eve's password", CUSTOMER_HASH)).thenReturn(true);
        sessions = mock(Sessions.class);
        when(sessions.start(any())).thenReturn(TOKENS);
        throttle = mock(LoginThrottle.class);
        when(throttle.refusal(anyString(), anyString())).thenReturn(Optional.empty());
        when(throttle.failed(anyString(), anyString())).thenReturn(Optional.empty());
        when(throttle.lockDuration()).thenReturn(Duration.ofMinutes(15));
        dispatcher = mock(Dispatcher.class);
        meters = new SimpleMeterRegistry();
        signIn = new SignIn(credentials, passwordEncoder, sessions, throttle, dispatcher, meters);
    }

    private double logins(String outcome) {
        return meters.counter("tally.auth.logins", "outcome", outcome).count();
    }

    @Test
    void anOperatorSignsInByUsernameAloneAndTheirFailuresAreForgotten() {
        assertThat(signIn.login("Ada@Example.com", "ada's password", null, ADDRESS)).isEqualTo(TOKENS);

        verify(sessions).start(ADMIN);
        verify(throttle).succeeded("operators:ada@example.com");
        verify(throttle, never()).failed(anyString(), anyString());
        assertThat(logins("success")).isEqualTo(1.0);
    }

    @Test
    void aCustomerSignsInWithinThePlatformNamed() {
        assertThat(signIn.login("eve@example.com", "eve's password", PLATFORM.toString(), ADDRESS))
                .isEqualTo(TOKENS);

        verify(sessions).start(CUSTOMER);
        verify(throttle).succeeded(PLATFORM + ":eve@example.com");
        verify(credentials, never()).findOperator(anyString());
    }

    @Test
    void aCustomerIsNotFoundInAnotherPlatformNorAmongTheOperators() {
        assertThatThrownBy(() -> signIn.login("eve@example.com", "eve's password", OTHER_PLATFORM.toString(),
                ADDRESS)).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> signIn.login("eve@example.com", "eve's password", null, ADDRESS))
                .isInstanceOf(InvalidCredentialsException.class);

        verify(throttle).failed(OTHER_PLATFORM + ":eve@example.com", ADDRESS);
        verify(throttle).failed("operators:eve@example.com", ADDRESS);
        verify(sessions, never()).start(any());
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPasswordAfterTheSameOneHashComparison() {
        InvalidCredentialsException unknown = catchRefusal(() ->
                signIn.login("nobody@example.com", "a password", null, ADDRESS));
        InvalidCredentialsException wrong = catchRefusal(() ->
                signIn.login("Ada@Example.com", "not ada's password", null, ADDRESS));

        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage())
                .isEqualTo("The username or the password is wrong.");
        verify(passwordEncoder).matches("a password", UNKNOWN_USER_HASH);
        verify(passwordEncoder).matches("not ada's password", ADMIN_HASH);
        verify(throttle).failed("operators:nobody@example.com", ADDRESS);
        verify(throttle).failed("operators:ada@example.com", ADDRESS);
        assertThat(logins("invalid_credentials")).isEqualTo(2.0);
        verify(sessions, never()).start(any());
    }

    @Test
    void aCustomerWithoutAPasswordYetCannotSignInWhateverThePassword() {
        when(credentials.findCustomer(PLATFORM, "new@example.com")).thenReturn(Optional.of(new AccountCredentials(
                "11111111-2222-4333-8444-555555555555", null, PLATFORM.toString(), "new@example.com", null, true,
                null)));
        // Even the one password that matches the stand-in hash of an account without a password.
        when(passwordEncoder.matches("no account has this password", UNKNOWN_USER_HASH)).thenReturn(true);

        assertThatThrownBy(() -> signIn.login("new@example.com", "no account has this password",
                PLATFORM.toString(), ADDRESS)).isInstanceOf(InvalidCredentialsException.class);

        verify(passwordEncoder).matches("no account has this password", UNKNOWN_USER_HASH);
        verify(throttle).failed(PLATFORM + ":new@example.com", ADDRESS);
        verify(sessions, never()).start(any());
    }

    @Test
    void aDisabledAccountIsRefusedOnlyWithItsRightPassword() {
        AccountCredentials disabled = new AccountCredentials(CUSTOMER_ID, null, PLATFORM.toString(),
                "eve@example.com", CUSTOMER_HASH, false, Instant.parse("2025-03-01T10:00:01Z"));
        when(credentials.findCustomer(PLATFORM, "eve@example.com")).thenReturn(Optional.of(disabled));

        assertThatThrownBy(() -> signIn.login("eve@example.com", "not eve's password", PLATFORM.toString(),
                ADDRESS)).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> signIn.login("eve@example.com", "eve's password", PLATFORM.toString(), ADDRESS))
                .isInstanceOf(AccountDisabledException.class)
                .hasMessage("This account is disabled; ask the platform's administrator.");

        verify(throttle).succeeded(PLATFORM + ":eve@example.com");
        verify(sessions, never()).start(any());
        assertThat(logins("disabled")).isEqualTo(1.0);
    }

    @Test
    void aLockedUsernameOrAddressIsRefusedBeforeAnyPasswordIsCompared() {
        when(throttle.refusal("operators:ada@example.com", ADDRESS))
                .thenReturn(Optional.of(Duration.ofMillis(1_500)));

        assertThatThrownBy(() -> signIn.login("Ada@Example.com", "ada's password", null, ADDRESS))
                .isInstanceOfSatisfying(LoginLockedException.class, locked -> {
                    assertThat(locked.retryAfterSeconds()).isEqualTo(2);
                    assertThat(locked).hasMessage("Too many failed sign-ins; try again in 2 seconds.");
                });

        verify(passwordEncoder, never()).matches(any(), any());
        verify(credentials, never()).findOperator(anyString());
        verify(sessions, never()).start(any());
        assertThat(logins("locked")).isEqualTo(1.0);
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        when(throttle.refusal(anyString(), anyString())).thenReturn(Optional.of(Duration.ofMillis(1)))
                .thenReturn(Optional.of(Duration.ofSeconds(60))).thenReturn(Optional.of(Duration.ofMillis(60_001)));

        assertThat(lockedFor()).isEqualTo(1);
        assertThat(lockedFor()).isEqualTo(60);
        assertThat(lockedFor()).isEqualTo(61);
    }

    private long lockedFor() {
        try {
            signIn.login("Ada@Example.com", "ada's password", null, ADDRESS);
        } catch (LoginLockedException locked) {
            return locked.retryAfterSeconds();
        }
        throw new AssertionError("not locked");
    }

    @Test
    void theFailureThatLocksAKnownAccountPublishesTheLockInTheThrottlesName() {
        Instant until = Instant.parse("2025-03-01T10:15:00Z");
        when(throttle.failed("operators:ada@example.com", ADDRESS)).thenReturn(Optional.of(new Lock(until, 10)));

        assertThatThrownBy(() -> signIn.login("Ada@Example.com", "tenth wrong guess", null, ADDRESS))
                .isInstanceOfSatisfying(LoginLockedException.class,
                        locked -> assertThat(locked.retryAfterSeconds()).isEqualTo(900));

        verify(dispatcher).send(new LockLoginCommand(ADMIN_ID, until, 10),
                new Caller(SignIn.THROTTLE_ACTOR, null, PLATFORM.toString()));
        assertThat(logins("locked")).isEqualTo(1.0);
        assertThat(logins("invalid_credentials")).isZero();
    }

    @Test
    void anUnknownUsernameLocksTooButNoAccountIsNamed() {
        when(throttle.failed("operators:nobody@example.com", ADDRESS))
                .thenReturn(Optional.of(new Lock(Instant.parse("2025-03-01T10:15:00Z"), 10)));

        assertThatThrownBy(() -> signIn.login("nobody@example.com", "guess", null, ADDRESS))
                .isInstanceOf(LoginLockedException.class);

        verifyNoInteractions(dispatcher);
    }

    @Test
    void aPlatformIdThatIsNoUuidIsABadRequestBeforeAnythingIsCounted() {
        assertThatThrownBy(() -> signIn.login("eve@example.com", "eve's password", "platform-one", ADDRESS))
                .isInstanceOfSatisfying(BadRequestException.class, bad -> {
                    assertThat(bad.field()).isEqualTo("platformId");
                    assertThat(bad.rule()).isEqualTo("uuid");
                });

        verifyNoInteractions(throttle, sessions);
    }

    @Test
    void aRefreshGoesOnWithTheSessionOfAnAccountFromTheLoginReadModel() {
        when(credentials.find(CUSTOMER_ID)).thenReturn(Optional.of(CUSTOMER));
        doAnswer(call -> {
            Function<String, Optional<? extends SessionAccount>> accounts = call.getArgument(1);
            assertThat(accounts.apply(CUSTOMER_ID).orElseThrow()).isSameAs(CUSTOMER);
            return new Refresh(Optional.of(TOKENS), Optional.empty());
        }).when(sessions).refresh(eq("refresh-token"), any());

        assertThat(signIn.refresh("refresh-token")).isEqualTo(TOKENS);
        verify(sessions).refresh(eq("refresh-token"), any());
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aReusedRefreshTokenEndsEverySessionOfItsAccount() {
        when(credentials.find(CUSTOMER_ID)).thenReturn(Optional.of(CUSTOMER));
        when(sessions.refresh(eq("copied"), any()))
                .thenReturn(new Refresh(Optional.empty(), Optional.of(CUSTOMER_ID)));

        assertThatThrownBy(() -> signIn.refresh("copied")).isInstanceOf(RefreshTokenReusedException.class);

        verify(dispatcher).send(new EndSessionsCommand(CUSTOMER_ID, SessionRevocationReason.REFRESH_TOKEN_REUSED),
                new Caller(CUSTOMER_ID, null, PLATFORM.toString()));
    }

    @Test
    void anUnknownExpiredOrRevokedRefreshTokenIsRefusedAndEndsNothing() {
        when(sessions.refresh(eq("stale"), any())).thenReturn(new Refresh(Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> signIn.refresh("stale")).isInstanceOf(InvalidRefreshTokenException.class);

        verifyNoInteractions(dispatcher);
    }

    @Test
    void signingOutEndsEverySessionOfTheCaller() {
        Caller caller = new Caller(CUSTOMER_ID, "CUSTOMER", PLATFORM.toString());

        signIn.signOut(caller);

        verify(dispatcher).send(new EndSessionsCommand(CUSTOMER_ID, SessionRevocationReason.LOGOUT), caller);
    }

    private static InvalidCredentialsException catchRefusal(Runnable login) {
        try {
            login.run();
        } catch (InvalidCredentialsException refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }
}
