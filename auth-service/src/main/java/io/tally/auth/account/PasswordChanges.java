package io.tally.auth.account;

import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.auth.throttle.LoginThrottle;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * The signed-in account's own password. The current password must be given (a stolen access
 * token alone cannot take over the account), wrong guesses count towards a lock like failed
 * sign-ins, and a change ends every other session: the answer is a new session for the
 * caller.
 */
@Service
class PasswordChanges {

    private final AccountCredentialsProjection credentials;
    private final PasswordEncoder passwordEncoder;
    private final Dispatcher dispatcher;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    PasswordChanges(AccountCredentialsProjection credentials, PasswordEncoder passwordEncoder, Dispatcher dispatcher,
                    Sessions sessions, LoginThrottle throttle) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * The caller's password becomes {@code newPassword}; {@code address} is the client's, which the throttle
     * counts too. Refused while the throttle locks the account's changes, when {@code currentPassword} is wrong
     * (a counted failure), when the new password breaks the policy or is the current one.
     */
    Tokens change(Caller caller, String currentPassword, String newPassword, String address) {
        AccountCredentials account = credentials.find(caller.subject()).orElseThrow();
        String scope = "password-change:" + account.accountId();
        Optional<Duration> refusal = throttle.refusal(scope, address);
        if (refusal.isPresent()) {
            throw new PasswordChangeLockedException(Math.max(1, refusal.get().toSeconds()));
        }
        if (account.passwordHash() == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throttle.failed(scope, address);
            throw new CurrentPasswordWrongException();
        }
        PasswordPolicy.check("newPassword", newPassword, account.usernameKey());
        if (newPassword.equals(currentPassword)) {
            throw new PasswordUnchangedException();
        }
        throttle.succeeded(scope);
        dispatcher.send(new ChangePasswordCommand(account.accountId(), passwordEncoder.encode(newPassword)), caller);
        return sessions.start(credentials.find(account.accountId()).orElseThrow());
    }
}
