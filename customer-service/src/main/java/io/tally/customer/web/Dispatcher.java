package io.tally.customer.web;

import io.tally.customer.config.AxonConfig;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** Sends a command with who asked and the request's correlation id in its metadata. */
@Component
public class Dispatcher {

    public static final String ANONYMOUS = "anonymous";

    private final CommandGateway commandGateway;

    public Dispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, Caller caller) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonConfig.CORRELATION_ID, RequestContext.correlationId());
        metaData.put(AxonConfig.ACTOR, caller == null ? ANONYMOUS : caller.subject());
        if (caller != null && caller.platformId() != null) {
            metaData.put(AxonConfig.PLATFORM_ID, caller.platformId());
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metaData)));
    }
}
