package io.tally.customer.command;

import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.command.Commands.CreateCustomerCommand;
import io.tally.customer.command.Commands.SubmitRegistrationCommand;
import io.tally.customer.command.Rejections.EmailTakenException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Creates customers: by an admin, or by judging a registration submitted through an
 * invitation. Both claim the email first, in the same transaction as the events.
 */
@Component
public class CustomerAccounts {

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
        if (exists(registrations, command.registrationId())) {
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

    private static <T> boolean exists(Repository<T> repository, String id) {
        return find(repository, id).isPresent();
    }

    private static <T> Optional<Aggregate<T>> find(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
