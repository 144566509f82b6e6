package io.tally.customer.command;

import io.tally.service.web.DomainException;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.command.Commands.CreateCustomerCommand;
import io.tally.customer.command.Commands.SubmitRegistrationCommand;
import io.tally.customer.command.Rejections.EmailTakenException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates customers: by an admin, or by judging a registration submitted through an
 * invitation. Both claim the email first, in the same transaction as the events.
 */
@Component
public class CustomerAccounts {

    private static final Logger log = LoggerFactory.getLogger(CustomerAccounts.class);
    private static final Pattern EMAIL = Pattern.compile(PlainText.EMAIL);

    private final Repository<Customer> customers;
    private final Repository<Invitation> invitations;
    private final Repository<Registration> registrations;
    private final EmailRegistry emails;

    public CustomerAccounts(Repository<Customer> customerRepository, Repository<Invitation> invitationRepository,
                            Repository<Registration> registrationRepository, EmailRegistry emails) {
        this.customers = customerRepository;
        this.invitations = invitationRepository;
        this.registrations = registrationRepository;
        this.emails = emails;
    }

    @CommandHandler
    public String handle(CreateCustomerCommand command) throws Exception {
        if (!emails.claim(command.platformId(), command.email(), command.customerId())) {
            throw new EmailTakenException(command.email());
        }
        customers.newInstance(() -> new Customer(command));
        return command.customerId();
    }

    /**
     * Registers the customer and uses the invitation, or records why not. A redelivered
     * submission (same registration id) changes nothing.
     */
    @CommandHandler
    public void handle(SubmitRegistrationCommand command) throws Exception {
        if (!isUuid(command.registrationId())) {
            log.error("Dropped a registration submission without a usable registration id: {}", command);
            return;
        }
        if (exists(registrations, command.registrationId())) {
            return;
        }
        if (!wellFormed(command)) {
            registrations.newInstance(() -> new Registration(command,
                    RegistrationRejectionReason.INVALID_SUBMISSION));
            return;
        }
        Optional<Aggregate<Invitation>> invitation = find(invitations, command.invitationId());
        if (invitation.isPresent() && invitation.get().invoke(i -> i.acceptedBy(command.registrationId()))) {
            return;
        }
        Optional<RegistrationRejectionReason> refusal = invitation
                .map(found -> found.invoke(i -> i.refusalFor(command)))
                .orElse(Optional.of(RegistrationRejectionReason.INVITATION_UNKNOWN));
        String customerId = UUID.randomUUID().toString();
        if (refusal.isEmpty() && !emails.claim(command.platformId(), command.email(), customerId)) {
            refusal = Optional.of(RegistrationRejectionReason.EMAIL_TAKEN);
        }
        if (refusal.isPresent()) {
            RegistrationRejectionReason reason = refusal.get();
            registrations.newInstance(() -> new Registration(command, reason));
            return;
        }
        invitation.get().execute(i -> i.accept(command.registrationId(), customerId));
        customers.newInstance(() -> new Customer(customerId, command));
    }

    /** The rules the public registration API applies, checked again: the submission comes from another service. */
    private static boolean wellFormed(SubmitRegistrationCommand command) {
        try {
            PlainText.require("email", command.email());
            PlainText.require("teamName", command.teamName());
        } catch (DomainException controlCharacters) {
            return false;
        }
        return isUuid(command.invitationId()) && isUuid(command.platformId())
                && command.email() != null && command.email().length() <= 254
                && EMAIL.matcher(command.email()).matches()
                && command.teamName() != null && !command.teamName().isBlank()
                && command.teamName().strip().length() <= 100;
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static <T> boolean exists(Repository<T> repository, String id) {
        return find(repository, id).isPresent();
    }

    private static <T> Optional<Aggregate<T>> find(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException | IncompatibleAggregateException notOfThisKind) {
            return Optional.empty();
        }
    }
}
