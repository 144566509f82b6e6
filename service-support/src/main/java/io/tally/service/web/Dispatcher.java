package io.tally.service.web;

import io.tally.service.axon.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command with who asked and the request's correlation id in its metadata. An id that
 * names an aggregate of another kind (an invitation's id on a customer route) is not found, like
 * any unknown id.
 */
@Component
public class Dispatcher {

    public static final String ANONYMOUS = "anonymous";

    private final CommandGateway commandGateway;

    public Dispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, Caller caller) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.CORRELATION_ID, RequestContext.correlationId());
        metaData.put(MetaDataKeys.ACTOR, caller == null ? ANONYMOUS : caller.subject());
        if (caller != null && caller.platformId() != null) {
            metaData.put(MetaDataKeys.PLATFORM_ID, caller.platformId());
        }
        try {
            return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.from(metaData)));
        } catch (IncompatibleAggregateException otherKind) {
            throw new AggregateNotFoundException(String.valueOf(command), "The id names an aggregate of another kind");
        }
    }
}
