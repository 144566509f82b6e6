package io.tally.auth.command;

import io.tally.auth.command.Commands.CompleteRegistrationCommand;
import io.tally.auth.command.Commands.CreateAccountCommand;
import io.tally.auth.command.Commands.RejectRegistrationCommand;
import io.tally.auth.command.Commands.SetAccountEnabledCommand;
import io.tally.auth.query.AccountCredentialsProjection;
import io.tally.auth.query.RegistrationStatusProjection;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Customers' credentials follow customer-service's facts from {@code tally.customer.events}:
 * a created customer gets a credential without a password, a registered one the password kept
 * since the submission, and disabled customers cannot sign in. The processor's position on the
 * topic is stored in auth-service's database in the same transaction as the commands' events,
 * so each fact takes effect exactly once even when Kafka delivers it again; the checks for
 * existing accounts only guard against a fact that arrives twice in the topic itself.
 */
@Component
@ProcessingGroup(CustomerCredentialsIntake.PROCESSING_GROUP)
public class CustomerCredentialsIntake {

    public static final String PROCESSING_GROUP = "customer-events";
    private static final Logger log = LoggerFactory.getLogger(CustomerCredentialsIntake.class);

    private final CommandGateway commandGateway;
    private final AccountCredentialsProjection credentials;
    private final RegistrationStatusProjection registrations;
    private final PendingPasswords pendingPasswords;
    private final UsernameRegistry usernames;

    public CustomerCredentialsIntake(CommandGateway commandGateway, AccountCredentialsProjection credentials,
                                     RegistrationStatusProjection registrations, PendingPasswords pendingPasswords,
                                     UsernameRegistry usernames) {
        this.commandGateway = commandGateway;
        this.credentials = credentials;
        this.registrations = registrations;
        this.pendingPasswords = pendingPasswords;
        this.usernames = usernames;
    }

    @EventHandler
    void on(CustomerCreatedEvent event) {
        createCredential(event.customerId(), event.platformId(), event.email(), null);
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        String passwordHash = event.registrationId() == null ? null
                : pendingPasswords.take(event.registrationId()).orElse(null);
        createCredential(event.customerId(), event.platformId(), event.email(), passwordHash);
        if (isOurs(event.registrationId())) {
            commandGateway.sendAndWait(new CompleteRegistrationCommand(event.registrationId(), event.customerId()));
        }
    }

    @EventHandler
    void on(RegistrationRejectedEvent event) {
        if (isOurs(event.registrationId())) {
            pendingPasswords.take(event.registrationId());
            commandGateway.sendAndWait(new RejectRegistrationCommand(event.registrationId(), event.reason()));
        }
    }

    @EventHandler
    void on(CustomerDisabledEvent event) {
        setEnabled(event.customerId(), false);
    }

    @EventHandler
    void on(CustomerEnabledEvent event) {
        setEnabled(event.customerId(), true);
    }

    private void createCredential(String customerId, String platformId, String email, String passwordHash) {
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

    private boolean isOurs(String registrationId) {
        return registrationId != null && registrations.find(UUID.fromString(registrationId)).isPresent();
    }
}
