package io.tally.customer.config;

import io.tally.customer.customer.EmailVerificationRequestedEvent;
import io.tally.service.axon.FormerEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The event store names a private event (one outside the published language) by its Java class, so a stream
 * written before the event's class moved must resolve the old name to the class that holds the event today. Every
 * private event of this service moved when it was cut into slices, out of {@code io.tally.customer.command}.
 */
@Configuration(proxyBeanMethods = false)
class FormerEventNamesConfig {

    /** Former class name → the class of the event today; a name here must never be given to another class. */
    static final Map<String, Class<?>> FORMER_EVENT_NAMES = Map.of(
            "io.tally.customer.command.EmailVerificationRequestedEvent", EmailVerificationRequestedEvent.class);

    @Bean
    FormerEventNames formerEventNames() {
        return FormerEventNames.of(FORMER_EVENT_NAMES);
    }
}
