package io.tally.customer.registration;

import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The refusal of one submitted registration. It exists so that the refusal is an event of its
 * own (published to auth-service) even when the invitation named is unknown, and so that a
 * redelivered submission is recognised and not judged twice. A refusal because the address already has an account
 * is told to that address, by mail ({@link EmailTakenNoticeMailer}), and to nobody else: auth-service shows it to
 * the submitter as a registration that went through.
 */
@Aggregate
class Registration {

    @AggregateIdentifier
    private String registrationId;

    protected Registration() {
    }

    Registration(SubmitRegistrationCommand command, RegistrationRejectionReason reason) {
        apply(new RegistrationRejectedEvent(command.registrationId(), command.invitationId(), command.platformId(),
                reason));
        if (reason == RegistrationRejectionReason.EMAIL_TAKEN) {
            apply(new EmailTakenNoticeRequestedEvent(command.registrationId(), command.platformId(),
                    command.email().strip()));
        }
    }

    @EventSourcingHandler
    void on(RegistrationRejectedEvent event) {
        registrationId = event.registrationId();
    }
}
