package io.tally.auth.account;

import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Customers' credentials follow customer-service's facts from {@code tally.customer.events}:
 * a created customer gets a credential without a password, a registered one the password kept
 * since the submission (the registration slice hands it over through {@link #create}), and
 * disabled customers cannot sign in. The processor's position on the topic is stored in
 * auth-service's database in the same transaction as the commands' events, so each fact takes
 * effect exactly once even when Kafka delivers it again; the checks for existing accounts only
 * guard against a fact that arrives twice in the topic itself.
 */
@Component
@ProcessingGroup(CustomerCredentialsIntake.PROCESSING_GROUP)
public class CustomerCredentialsIntake {

    /** The processor of {@code tally.customer.events}: every handler of customer-service's facts belongs to it. */
    public static final String PROCESSING_GROUP = "customer-events";

    /**
     * Customers, invitations and registration decisions from customer-service's events (this slice's
     * and the registration slice's handlers).
     */
    @Bean
    static EventProcessors customerEventsProcessor() {
        return EventProcessors.builder().consuming(PROCESSING_GROUP, Topics.CUSTOMER_EVENTS, 1).build();
    }
    private static final Logger log = LoggerFactory.getLogger(CustomerCredentialsIntake.class);

    private final CommandGateway commandGateway;
    private final AccountCredentialsProjection credentials;
    private final UsernameRegistry usernames;

    CustomerCredentialsIntake(CommandGateway commandGateway, AccountCredentialsProjection credentials,
                              UsernameRegistry usernames) {
        this.commandGateway = commandGateway;
        this.credentials = credentials;
        this.usernames = usernames;
    }

    @EventHandler
    void on(CustomerCreatedEvent event) {
        create(event.customerId(), event.platformId(), event.email(), null);
    }

    @EventHandler
    void on(CustomerDisabledEvent event) {
        setEnabled(event.customerId(), false);
    }

    @EventHandler
    void on(CustomerEnabledEvent event) {
        setEnabled(event.customerId(), true);
    }

    /**
     * The customer's credential, with {@code passwordHash} as its password (null: none yet), unless the
     * customer has one already or another customer of the platform holds the email.
     */
    public void create(String customerId, String platformId, String email, String passwordHash) {
        if (credentials.find(customerId).isPresent()) {
            return;
        }
        if (usernames.isTaken(AccountRole.CUSTOMER, platformId, email)) {
            // customer-service keeps emails unique per platform; a clash means its facts disagree
            // with ours, and stopping the processor for it would stop every other customer too.
            log.error("Customer {} of platform {} has an email another customer holds; no credential created",
                    customerId, platformId);
            return;
        }
        commandGateway.sendAndWait(new CreateAccountCommand(customerId, AccountRole.CUSTOMER, platformId, email,
                passwordHash));
    }

    private void setEnabled(String customerId, boolean enabled) {
        if (credentials.find(customerId).isPresent()) {
            commandGateway.sendAndWait(new SetAccountEnabledCommand(customerId, enabled));
        } else {
            log.warn("Customer {} is unknown to auth-service; its state change is ignored", customerId);
        }
    }
}
