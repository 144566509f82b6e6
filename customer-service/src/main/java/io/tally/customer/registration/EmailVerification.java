package io.tally.customer.registration;

import io.tally.customer.customer.VerificationTokenException;
import io.tally.customer.customer.VerifyCustomerEmailCommand;
import io.tally.service.security.Secrets;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The registration slice's application service: following the link that {@link EmailVerificationMailer} mailed.
 * A verification token is {@code <customerId>.<secret>}; the customer keeps only the secret's digest.
 */
@Component
class EmailVerification {

    private final Dispatcher dispatcher;

    EmailVerification(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The token of a link: it names the customer, so that the link needs no lookup by secret. */
    static String token(String customerId, String secret) {
        return customerId + "." + secret;
    }

    /**
     * Verifies the email of the token's customer. A token that names no customer is token_invalid, as is one the
     * customer does not hold; a used or expired one is refused by the customer.
     */
    void verify(String token) {
        String presented = token.strip();
        int dot = presented.indexOf('.');
        try {
            String customerId = UUID.fromString(dot < 0 ? "" : presented.substring(0, dot)).toString();
            dispatcher.send(new VerifyCustomerEmailCommand(customerId, Secrets.sha256(presented.substring(dot + 1))),
                    null);
        } catch (IllegalArgumentException | AggregateNotFoundException unknown) {
            throw new VerificationTokenException("token_invalid", "The verification token is not valid.");
        }
    }
}
