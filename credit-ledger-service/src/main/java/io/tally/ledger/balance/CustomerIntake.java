package io.tally.ledger.balance;

import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.ledger.directory.LedgerDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Opens a customer's ledger, in the customer's platform, when customer-service announces the
 * customer (created by an admin or registered through an invitation). The processor's position
 * on tally.customer.events is stored in the same transaction.
 */
@Component
@ProcessingGroup(CustomerIntake.PROCESSING_GROUP)
class CustomerIntake {

    static final String PROCESSING_GROUP = "customer-intake";

    private final CommandGateway commandGateway;
    private final LedgerDirectory directory;

    CustomerIntake(CommandGateway commandGateway, LedgerDirectory directory) {
        this.commandGateway = commandGateway;
        this.directory = directory;
    }

    @EventHandler
    void on(CustomerCreatedEvent event) {
        open(event.customerId(), event.platformId());
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        open(event.customerId(), event.platformId());
    }

    private void open(String customerId, String platformId) {
        if (directory.addCustomer(customerId, platformId)) {
            commandGateway.sendAndWait(new OpenCustomerLedgerCommand(customerId, platformId));
        }
    }
}
