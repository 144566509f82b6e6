package io.tally.service.axon;

import io.tally.contracts.PublishedEvent;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Every published event names its platform in its metadata (and so in the CloudEvents
 * {@code platformid} extension), also when the command that caused it came without a platform,
 * such as a public email verification or the registration of a new customer.
 */
@Component
public class EventPlatformInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    @Autowired
    public void register(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message.getPayload() instanceof PublishedEvent published
                && published.platformId() != null && !message.getMetaData().containsKey(MetaDataKeys.PLATFORM_ID)
                ? message.andMetaData(java.util.Map.of(MetaDataKeys.PLATFORM_ID, published.platformId()))
                : message;
    }
}
