package io.tally.ledger.balance;

import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.service.axon.EventProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
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

    /** Customers and their platforms from customer-service's events. */
    @Bean
    static EventProcessors customerIntakeProcessor() {
        return EventProcessors.builder().consuming(PROCESSING_GROUP, Topics.CUSTOMER_EVENTS, 1).build();
    }

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
