package io.tally.auth.account;

import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A platform admin's password reset for a customer of the platform: generate (the service
 * chooses the password and shows it once) and confirm (it becomes the customer's password and
 * the customer's sessions end). The admin never chooses a password, and a generated one is
 * never usable before it is confirmed. An id that is no account's, like another platform's
 * customer (the account decides that), is not found.
 */
@Service
class PasswordResets {

    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;

    PasswordResets(Dispatcher dispatcher, PasswordEncoder passwordEncoder) {
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
    }

    /** A generated password of the customer, shown in this answer only, usable once confirmed before it expires. */
    record Reset(String customerId, String resetId, String password, Instant expiresAt) {
    }

    Reset generate(Caller caller, String customerId) {
        String customer = customerIdOf(customerId);
        String resetId = UUID.randomUUID().toString();
        String password = GeneratedPasswords.next();
        Instant expiresAt = onCustomer(customer, () -> dispatcher.send(new GeneratePasswordResetCommand(customer,
                caller.platformId(), resetId, passwordEncoder.encode(password)), caller));
        return new Reset(customer, resetId, password, expiresAt);
    }

    void confirm(Caller caller, String customerId, String resetId) {
        String customer = customerIdOf(customerId);
        onCustomer(customer, () -> dispatcher.send(new ConfirmPasswordResetCommand(customer, caller.platformId(),
                resetId), caller));
    }

    private static <R> R onCustomer(String customerId, Supplier<R> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException notFound) {
            throw new AccountNotFoundException(customerId);
        }
    }

    private static String customerIdOf(String customerId) {
        return Ids.canonicalOr(customerId, AccountNotFoundException::new);
    }
}
