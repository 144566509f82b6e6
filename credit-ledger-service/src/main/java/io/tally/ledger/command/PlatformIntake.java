package io.tally.ledger.command;

import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.ledger.command.Commands.OpenPlatformLedgerCommand;
import io.tally.ledger.query.LedgerDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Opens a platform's ledger, in its currency, when auth-service announces the platform. The
 * processor's position on tally.auth.events is stored in the same transaction.
 */
@Component
@ProcessingGroup(PlatformIntake.PROCESSING_GROUP)
public class PlatformIntake {

    public static final String PROCESSING_GROUP = "platform-intake";

    private final CommandGateway commandGateway;
    private final LedgerDirectory directory;

    public PlatformIntake(CommandGateway commandGateway, LedgerDirectory directory) {
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
