package io.tally.auth.web;

import io.tally.auth.command.Commands.ConfirmPasswordResetCommand;
import io.tally.auth.command.Commands.GeneratePasswordResetCommand;
import io.tally.auth.command.GeneratedPasswords;
import io.tally.auth.command.Rejections.AccountNotFoundException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A platform admin's password reset for a customer of the platform: generate (the service
 * chooses the password and shows it once) and confirm (it becomes the customer's password and
 * the customer's sessions end). The admin never chooses a password, and a generated one is
 * never usable before it is confirmed. Another platform's customer is not found.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/password-resets")
public class PasswordResetController {

    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;

    public PasswordResetController(Dispatcher dispatcher, PasswordEncoder passwordEncoder) {
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
    }

    /** The generated password, shown in this answer only. */
    public record GeneratedReset(String resetId, String password, Instant expiresAt) {
    }

    @PostMapping
    public ResponseEntity<GeneratedReset> generate(@AuthenticationPrincipal Jwt jwt,
                                                   @PathVariable String customerId) {
        String customer = customerIdOf(customerId);
        Caller caller = Caller.of(jwt);
        String resetId = UUID.randomUUID().toString();
        String password = GeneratedPasswords.next();
        Instant expiresAt = onCustomer(customer, () -> dispatcher.send(new GeneratePasswordResetCommand(customer,
                caller.platformId(), resetId, passwordEncoder.encode(password)), caller));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer + "/password-resets/" + resetId))
                .body(new GeneratedReset(resetId, password, expiresAt));
    }

    @PostMapping("/{resetId}/confirmation")
    public ResponseEntity<Void> confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                        @PathVariable String resetId) {
        String customer = customerIdOf(customerId);
        Caller caller = Caller.of(jwt);
        onCustomer(customer, () -> dispatcher.send(new ConfirmPasswordResetCommand(customer, caller.platformId(),
                resetId), caller));
        return ResponseEntity.noContent().build();
    }

    private static <R> R onCustomer(String customerId, Supplier<R> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException notFound) {
            throw new AccountNotFoundException(customerId);
        }
    }

    private static String customerIdOf(String customerId) {
        try {
            return UUID.fromString(customerId).toString();
        } catch (IllegalArgumentException malformed) {
            throw new AccountNotFoundException(customerId);
        }
    }
}
