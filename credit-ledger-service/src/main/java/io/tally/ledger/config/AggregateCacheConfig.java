package io.tally.ledger.config;

import io.tally.ledger.chain.LedgerAggregates;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's aggregates stay in memory between commands: a platform's pool takes every credit
 * change of the platform's customers, and a long-lived customer has thousands of entries, so
 * replaying each stream from the event store for every command would cost more with every
 * entry. The most recently used {@code tally.ledger.cached-aggregates} (default 20,000) stay
 * in memory. The cache never decides what is
 * true: an aggregate behind its stream (another instance appended) is not taken from it
 * ({@link FreshAggregateCache}), a unit of work that rolls back evicts its aggregates, and should
 * another instance append between the look and the append, the event store's unique (aggregate,
 * sequence) refuses the stale append and the command is sent again instead of forking the chain.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    @Bean(LedgerAggregates.CACHE)
    public Cache ledgerAggregateCache(@Value("${tally.ledger.cached-aggregates:20000}") int capacity,
                                      JdbcTemplate jdbc, MeterRegistry meters) {
        return new FreshAggregateCache(new BoundedAggregateCache(capacity), jdbc, meters);
    }
}
