package io.tally.customer.web;

import io.tally.service.web.Dispatcher;
import io.tally.customer.command.Commands.VerifyCustomerEmailCommand;
import io.tally.customer.command.Rejections.VerificationTokenException;
import io.tally.service.security.Secrets;
import io.tally.customer.web.Requests.EmailVerificationRequest;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What anyone may call without a token: following the email verification link. */
@RestController
@RequestMapping("/api/v1/public")
public class PublicController {

    private final Dispatcher dispatcher;

    public PublicController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/email-verifications")
    public ResponseEntity<Void> verify(@Valid @RequestBody EmailVerificationRequest request) {
        String token = request.token().strip();
        int dot = token.indexOf('.');
        try {
            String customerId = UUID.fromString(dot < 0 ? "" : token.substring(0, dot)).toString();
            dispatcher.send(new VerifyCustomerEmailCommand(customerId, Secrets.sha256(token.substring(dot + 1))),
                    null);
        } catch (IllegalArgumentException | AggregateNotFoundException unknown) {
            throw new VerificationTokenException("token_invalid", "The verification token is not valid.");
        }
        return ResponseEntity.noContent().build();
    }
}
