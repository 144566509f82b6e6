package io.tally.customer.registration;

import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.customer.CustomerAccounts;
import io.tally.customer.customer.PlainText;
import io.tally.customer.invitation.Invitations;
import io.tally.service.web.DomainException;
import io.tally.service.web.EmailAddress;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The decision of the registration choreography: registers the customer and uses the invitation, both in the
 * transaction that claims the email, or records why not as a {@link Registration} and tells the invitation, which
 * counts the refusals for taken addresses. A redelivered submission (same registration id) changes nothing.
 */
@Component
class RegistrationJudge {

    private static final Logger log = LoggerFactory.getLogger(RegistrationJudge.class);

    private final Repository<Registration> registrations;
    private final Invitations invitations;
    private final CustomerAccounts customers;

    RegistrationJudge(Repository<Registration> registrationRepository, Invitations invitations,
                      CustomerAccounts customers) {
        this.registrations = registrationRepository;
        this.invitations = invitations;
        this.customers = customers;
    }

    @CommandHandler
    void handle(SubmitRegistrationCommand command) throws Exception {
        if (!isUuid(command.registrationId())) {
            log.error("Dropped a registration submission without a usable registration id: {}", command);
            return;
        }
        if (judged(command.registrationId())) {
            return;
        }
        if (!wellFormed(command)) {
            registrations.newInstance(() -> new Registration(command,
                    RegistrationRejectionReason.INVALID_SUBMISSION));
            return;
        }
        if (invitations.acceptedBy(command.invitationId(), command.registrationId())) {
            return;
        }
        Optional<RegistrationRejectionReason> refusal =
                invitations.refusalFor(command.invitationId(), command.platformId(), command.email());
        String customerId = UUID.randomUUID().toString();
        if (refusal.isEmpty() && !customers.claimEmail(command.platformId(), command.email(), customerId)) {
            refusal = Optional.of(RegistrationRejectionReason.EMAIL_TAKEN);
        }
        if (refusal.isPresent()) {
            RegistrationRejectionReason reason = refusal.get();
            registrations.newInstance(() -> new Registration(command, reason));
            invitations.registrationRefused(command.invitationId(), command.registrationId(), reason);
            return;
        }
        invitations.accept(command.invitationId(), command.registrationId(), customerId);
        customers.register(customerId, new CustomerAccounts.Registrant(command.platformId(), command.email(),
                command.teamName(), command.registrationId(), command.invitationId()));
    }

    /** The rules the public registration API applies, checked again: the submission comes from another service. */
    static boolean wellFormed(SubmitRegistrationCommand command) {
        try {
            PlainText.require("email", command.email());
            PlainText.require("teamName", command.teamName());
        } catch (DomainException controlCharacters) {
            return false;
        }
        return isUuid(command.invitationId()) && isUuid(command.platformId())
                && EmailAddress.isValid(command.email())
                && command.teamName() != null && !command.teamName().isBlank()
                && command.teamName().strip().length() <= CustomerAccounts.MAX_TEAM_NAME_LENGTH;
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /** Whether this registration id was judged before: rejected here, or (see above) accepted by its invitation. */
    private boolean judged(String registrationId) {
        try {
            registrations.load(registrationId);
            return true;
        } catch (AggregateNotFoundException | IncompatibleAggregateException notOfThisKind) {
            return false;
        }
    }
}
