package io.tally.auth.signin;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.auth.account.AccountCredentialsProjection;
import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.account.EndSessionsCommand;
import io.tally.auth.account.LockLoginCommand;
import io.tally.auth.account.UsernameRegistry;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Refresh;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.auth.throttle.LoginThrottle;
import io.tally.auth.throttle.LoginThrottle.Lock;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in, refresh and sign-out. An unknown user, a customer without a password yet and a
 * wrong password get the same answer, and each costs one hash comparison, so that neither the
 * answer nor its timing tells which accounts exist. Too many failures lock the username (or
 * the client address) for a while, and a known account's lock is published as LoginLocked.
 * Every sign-in's outcome is counted in {@code tally.auth.logins}.
 */
@Service
class SignIn {

    /** The actor of a LoginLocked: the throttle, not the caller who failed. */
    static final String THROTTLE_ACTOR = "system:login-throttle";
    private static final String OPERATORS = "operators";

    private final AccountCredentialsProjection credentials;
    private final PasswordEncoder passwordEncoder;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Dispatcher dispatcher;
    private final MeterRegistry meters;
    private final String unknownUserHash;

    SignIn(AccountCredentialsProjection credentials, PasswordEncoder passwordEncoder, Sessions sessions,
           LoginThrottle throttle, Dispatcher dispatcher, MeterRegistry meters) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.throttle = throttle;
        this.dispatcher = dispatcher;
        this.meters = meters;
        this.unknownUserHash = passwordEncoder.encode("no account has this password");
    }

    /**
     * A new session for the account with this username and password. {@code platformId} names a customer's
     * platform (a UUID); operators sign in without one. {@code address} is the client's, which the throttle
     * counts too.
     */
    Tokens login(String username, String password, String platformId, String address) {
        Optional<UUID> platform = platformId(platformId);
        String usernameScope = platform.map(UUID::toString).orElse(OPERATORS) + ":" + UsernameRegistry.key(username);
        Optional<Duration> refusal = throttle.refusal(usernameScope, address);
        if (refusal.isPresent()) {
            throw locked(refusal.get());
        }
        Optional<AccountCredentials> account = platform
                .map(customersPlatform -> credentials.findCustomer(customersPlatform, username))
                .orElseGet(() -> credentials.findOperator(username));
        String hash = account.map(AccountCredentials::passwordHash).orElse(null);
        boolean matches = passwordEncoder.matches(password, hash == null ? unknownUserHash : hash);
        if (hash == null || !matches) {
            Optional<Lock> lock = throttle.failed(usernameScope, address);
            if (lock.isPresent()) {
                account.ifPresent(locked -> dispatcher.send(new LockLoginCommand(locked.accountId(),
                                lock.get().until(), lock.get().failures()),
                        new Caller(THROTTLE_ACTOR, null, locked.platformId())));
                throw locked(throttle.lockDuration());
            }
            count("invalid_credentials");
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(usernameScope);
        if (!account.get().enabled()) {
            count("disabled");
            throw new AccountDisabledException();
        }
        count("success");
        return sessions.start(account.get());
    }

    /**
     * The session goes on with new tokens. A refresh token presented again after it was replaced was copied:
     * every session of its account ends.
     */
    Tokens refresh(String refreshToken) {
        Refresh refresh = sessions.refresh(refreshToken, credentials::find);
        if (refresh.tokens().isPresent()) {
            return refresh.tokens().get();
        }
        if (refresh.reusedBy().isPresent()) {
            String accountId = refresh.reusedBy().get();
            dispatcher.send(new EndSessionsCommand(accountId, SessionRevocationReason.REFRESH_TOKEN_REUSED),
                    new Caller(accountId, null, credentials.find(accountId)
                            .map(AccountCredentials::platformId).orElse(null)));
            throw new RefreshTokenReusedException();
        }
        throw new InvalidRefreshTokenException();
    }

    /**
     * Ends every session of the signed-in account, not only this one: the revocation the
     * gateway enforces names the subject alone, so any other session's access tokens would be
     * refused anyway, and its refresh token must not outlive them.
     */
    void signOut(Caller caller) {
        dispatcher.send(new EndSessionsCommand(caller.subject(), SessionRevocationReason.LOGOUT), caller);
    }

    /** Retry-After in whole seconds, rounded up and at least one. */
    private LoginLockedException locked(Duration retryAfter) {
        count("locked");
        return new LoginLockedException(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private void count(String outcome) {
        meters.counter("tally.auth.logins", "outcome", outcome).increment();
    }

    private static Optional<UUID> platformId(String platformId) {
        if (platformId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(platformId));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException("platformId", "uuid", "platformId must be a platform's id (a UUID).");
        }
    }
}
