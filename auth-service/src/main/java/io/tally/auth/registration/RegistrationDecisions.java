package io.tally.auth.registration;

import io.tally.auth.account.CustomerCredentialsIntake;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * customer-service's decisions on registrations, from {@code tally.customer.events}: a registered customer gets
 * a credential with the password kept since the submission (the account slice creates it), and the
 * registration's status follows; a rejected registration forgets the password. A customer whose registration
 * was not submitted here still gets a credential, without a password.
 */
@Component
@ProcessingGroup(CustomerCredentialsIntake.PROCESSING_GROUP)
class RegistrationDecisions {

    private final CommandGateway commandGateway;
    private final CustomerCredentialsIntake credentials;
    private final RegistrationStatusProjection registrations;
    private final PendingPasswords pendingPasswords;

    RegistrationDecisions(CommandGateway commandGateway, CustomerCredentialsIntake credentials,
                          RegistrationStatusProjection registrations, PendingPasswords pendingPasswords) {
        this.commandGateway = commandGateway;
        this.credentials = credentials;
        this.registrations = registrations;
        this.pendingPasswords = pendingPasswords;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        String passwordHash = event.registrationId() == null ? null
                : pendingPasswords.take(event.registrationId()).orElse(null);
        credentials.create(event.customerId(), event.platformId(), event.email(), passwordHash);
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

    private boolean isOurs(String registrationId) {
        return registrationId != null && registrations.find(UUID.fromString(registrationId)).isPresent();
    }
}
