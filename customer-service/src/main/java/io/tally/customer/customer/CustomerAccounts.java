package io.tally.customer.customer;

import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * The customer slice's application service. It creates customers, by an admin or for a registration that the
 * registration slice has judged, each claiming its email first in the same transaction as the events; and it
 * sends the changes to a customer that a request asks for.
 */
@Component
public class CustomerAccounts {

    /** The longest account email the API accepts. */
    /** The longest team name the API accepts, trimmed. */
    public static final int MAX_TEAM_NAME_LENGTH = 100;

    private final Repository<Customer> customers;
    private final EmailRegistry emails;
    private final Dispatcher dispatcher;

    CustomerAccounts(Repository<Customer> customerRepository, EmailRegistry emails, Dispatcher dispatcher) {
        this.customers = customerRepository;
        this.emails = emails;
        this.dispatcher = dispatcher;
    }

    /** Who registered through an invitation, as the registration slice accepted the submission. */
    public record Registrant(String platformId, String email, String teamName, String registrationId,
                             String invitationId) {
    }

    /** An admin's new customer; refused with email_taken when the platform has the email already, ignoring case. */
    @CommandHandler
    String handle(CreateCustomerCommand command) throws Exception {
        if (!emails.claim(command.platformId(), command.email(), command.customerId())) {
            throw new EmailTakenException(command.email().strip());
        }
        customers.newInstance(() -> new Customer(command));
        return command.customerId();
    }

    /**
     * Claims the email for a customer about to register, in the caller's transaction; false when the platform has
     * the email already, ignoring case.
     */
    public boolean claimEmail(String platformId, String email, String customerId) {
        return emails.claim(platformId, email, customerId);
    }

    /** Creates the customer of an accepted registration, whose email was {@linkplain #claimEmail claimed} for it. */
    public void register(String customerId, Registrant registrant) throws Exception {
        customers.newInstance(() -> new Customer(customerId, registrant));
    }

    /**
     * Sends the command for a customer of the caller's platform. An id that names no customer there (malformed,
     * unknown, or another aggregate's) is customer_not_found.
     */
    void change(String customerId, Caller caller, Function<String, Object> commandForId) {
        String id = Ids.canonicalOr(customerId, CustomerNotFoundException::new);
        try {
            dispatcher.send(commandForId.apply(id), caller);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(customerId);
        }
    }
}
