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
 * redelivered submission is recognised and not judged twice.
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
    }

    @EventSourcingHandler
    void on(RegistrationRejectedEvent event) {
        registrationId = event.registrationId();
    }
}
