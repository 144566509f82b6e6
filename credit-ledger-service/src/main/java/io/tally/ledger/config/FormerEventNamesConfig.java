package io.tally.ledger.config;

import io.tally.ledger.balance.CustomerLedgerOpenedEvent;
import io.tally.ledger.credits.PlatformLedgerOpenedEvent;
import io.tally.ledger.credits.PoolAllocationChangedEvent;
import io.tally.service.axon.FormerEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The ledger's private events are stored under their Java class names, and those names changed when the
 * service was cut into feature slices: streams stored before still read. A name listed here is never given
 * to another class.
 */
@Configuration(proxyBeanMethods = false)
class FormerEventNamesConfig {

    /** Former class name → the class that holds the event today. */
    static final Map<String, Class<?>> FORMER_NAMES = Map.of(
            "io.tally.ledger.command.LedgerEvents$CustomerLedgerOpenedEvent", CustomerLedgerOpenedEvent.class,
            "io.tally.ledger.command.LedgerEvents$PlatformLedgerOpenedEvent", PlatformLedgerOpenedEvent.class,
            "io.tally.ledger.command.LedgerEvents$PoolAllocationChangedEvent", PoolAllocationChangedEvent.class);

    @Bean
    FormerEventNames formerEventNames() {
        return FormerEventNames.of(FORMER_NAMES);
    }
}
