package io.tally.auth.config;

import io.tally.auth.account.AccountCreatedEvent;
import io.tally.auth.account.AccountEnabledChangedEvent;
import io.tally.auth.account.PasswordChangedEvent;
import io.tally.auth.account.PasswordResetGeneratedEvent;
import io.tally.auth.registration.RegistrationCompletedEvent;
import io.tally.auth.registration.RegistrationReceivedEvent;
import io.tally.auth.registration.RegistrationRefusedEvent;
import io.tally.service.axon.FormerEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The event store names auth-service's private events by their Java class. These are the names under which they
 * were stored before the service was cut into feature slices (the {@code command} package): streams written
 * then still read. A name listed here must never be given to another class. A private event born after the re-cut
 * (such as the registration slice's {@code RegistrationExpiredEvent}) was never stored under another name and is
 * not listed.
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfig {

    static final Map<String, Class<?>> FORMER_EVENT_NAMES = Map.of(
            "io.tally.auth.command.AccountCreatedEvent", AccountCreatedEvent.class,
            "io.tally.auth.command.AccountEvents$PasswordResetGeneratedEvent", PasswordResetGeneratedEvent.class,
            "io.tally.auth.command.AccountEvents$PasswordChangedEvent", PasswordChangedEvent.class,
            "io.tally.auth.command.AccountEvents$AccountEnabledChangedEvent", AccountEnabledChangedEvent.class,
            "io.tally.auth.command.Registration$RegistrationReceivedEvent", RegistrationReceivedEvent.class,
            "io.tally.auth.command.Registration$RegistrationCompletedEvent", RegistrationCompletedEvent.class,
            "io.tally.auth.command.Registration$RegistrationRefusedEvent", RegistrationRefusedEvent.class);

    @Bean
    FormerEventNames formerEventNames() {
        return FormerEventNames.of(FORMER_EVENT_NAMES);
    }
}
