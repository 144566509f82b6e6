package io.tally.auth.registration;

import io.tally.contracts.auth.RegistrationSubmittedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A public registration through an invitation link, from submission to customer-service's
 * decision. The password's hash waits in {@link PendingPasswords}, outside the event store, so
 * that a rejected registration leaves no trace of it; the submission itself is published
 * without any secret. A decision arrives once in effect, but a second one is ignored. A registration nobody decided
 * on within the deadline is ended by auth-service itself ({@link RegistrationExpiredEvent}); a decision that arrives
 * after that is ignored like a second one.
 */
@Aggregate
class Registration {

    @AggregateIdentifier
    private String registrationId;
    private Instant submittedAt;
    private boolean decided;

    protected Registration() {
    }

    /** The request was already checked by {@link Registrations} (policy, invitation); this keeps it. */
    @CommandHandler
    public Registration(SubmitRegistrationCommand command, PendingPasswords pendingPasswords) {
        pendingPasswords.keep(command.registrationId(), command.passwordHash());
        apply(new RegistrationSubmittedEvent(command.registrationId(), command.invitationId(), command.platformId(),
                command.email(), command.teamName()));
        apply(new RegistrationReceivedEvent(command.registrationId(), command.invitationId(), command.platformId(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteRegistrationCommand command) {
        if (!decided) {
            apply(new RegistrationCompletedEvent(registrationId, command.customerId(),
                    GenericEventMessage.clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RejectRegistrationCommand command) {
        if (!decided) {
            apply(new RegistrationRefusedEvent(registrationId, command.reason(), GenericEventMessage.clock.instant()));
        }
    }

    /**
     * Sent by the sweep; applied only to a registration still undecided once {@code decisionDeadline} has passed
     * since its submission, a no-op otherwise (decided in the meantime, expired by another sweep, not due yet).
     */
    @CommandHandler
    public void handle(ExpireRegistrationCommand command) {
        Instant now = GenericEventMessage.clock.instant();
        if (!decided && !now.isBefore(submittedAt.plus(command.decisionDeadline()))) {
            apply(new RegistrationExpiredEvent(registrationId, now));
        }
    }

    @EventSourcingHandler
    void on(RegistrationSubmittedEvent event) {
        registrationId = event.registrationId();
    }

    @EventSourcingHandler
    void on(RegistrationReceivedEvent event) {
        submittedAt = event.submittedAt();
    }

    @EventSourcingHandler
    void on(RegistrationCompletedEvent event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(RegistrationRefusedEvent event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(RegistrationExpiredEvent event) {
        decided = true;
    }
}
