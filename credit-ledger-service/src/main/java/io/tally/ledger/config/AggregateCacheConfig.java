package io.tally.ledger.config;

import io.tally.ledger.chain.LedgerAggregates;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's aggregates stay in memory between commands: a platform's pool takes every credit
 * change of the platform's customers, and a long-lived customer has thousands of entries, so
 * replaying each stream from the event store for every command would cost more with every
 * entry. The most recently used {@code tally.ledger.cached-aggregates} (default 20,000) stay
 * in memory. The cache never decides what is
 * true: a unit of work that rolls back evicts its aggregates, and if another instance appended
 * in between, the event store's unique (aggregate, sequence) refuses the stale append and the
 * command fails instead of forking the chain.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    @Bean(LedgerAggregates.CACHE)
    public Cache ledgerAggregateCache(@Value("${tally.ledger.cached-aggregates:20000}") int capacity) {
        return new BoundedAggregateCache(capacity);
    }
}
