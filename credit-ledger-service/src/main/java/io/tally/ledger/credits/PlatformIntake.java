package io.tally.ledger.credits;

import io.tally.contracts.Topics;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.service.axon.EventProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Opens a platform's ledger, in its currency, when auth-service announces the platform. The
 * processor's position on tally.auth.events is stored in the same transaction.
 */
@Component
@ProcessingGroup(PlatformIntake.PROCESSING_GROUP)
class PlatformIntake {

    static final String PROCESSING_GROUP = "platform-intake";

    /** Platforms and their currencies from auth-service's events. */
    @Bean
    static EventProcessors platformIntakeProcessor() {
        return EventProcessors.builder().consuming(PROCESSING_GROUP, Topics.AUTH_EVENTS, 1).build();
    }

    private final CommandGateway commandGateway;
    private final LedgerDirectory directory;

    PlatformIntake(CommandGateway commandGateway, LedgerDirectory directory) {
        this.commandGateway = commandGateway;
        this.directory = directory;
    }

    @EventHandler
    void on(PlatformCreatedEvent event) {
        if (directory.addPlatform(event.platformId(), event.currency())) {
            commandGateway.sendAndWait(new OpenPlatformLedgerCommand(event.platformId(), event.currency()));
        }
    }
}
