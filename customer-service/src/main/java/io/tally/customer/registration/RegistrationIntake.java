package io.tally.customer.registration;

import io.tally.contracts.Topics;
import io.tally.contracts.auth.RegistrationSubmittedEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Takes auth-service's registrations from Kafka. The processor's position on the topic is
 * stored in this service's database in the same transaction as the judgement, so a
 * submission is judged exactly once in effect even when Kafka delivers it again.
 */
@Component
@ProcessingGroup(RegistrationIntake.PROCESSING_GROUP)
class RegistrationIntake {

    static final String PROCESSING_GROUP = "registration-intake";

    /** Registrations submitted to auth-service. */
    @Bean
    static EventProcessors registrationIntakeProcessor() {
        return EventProcessors.builder().consuming(PROCESSING_GROUP, Topics.AUTH_EVENTS, 1).build();
    }

    private final CommandGateway commandGateway;

    RegistrationIntake(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(RegistrationSubmittedEvent event) {
        commandGateway.sendAndWait(new SubmitRegistrationCommand(event.registrationId(), event.invitationId(),
                event.platformId(), event.email(), event.teamName()));
    }
}
