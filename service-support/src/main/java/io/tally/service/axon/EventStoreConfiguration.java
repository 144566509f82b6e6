package io.tally.service.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

/** The event store and token store on PostgreSQL, with the published-language serializer. */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * How long a gap in the global index (a transaction still in flight) is waited for before a
     * processor gives up on it. Far above the longest transaction, so that no committed event
     * is ever skipped.
     */
    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);

    @Bean
    @Primary
    public Serializer serializer(ObjectMapper objectMapper, ObjectProvider<FormerEventNames> formerNames) {
        return PublishedLanguageSerializer.create(objectMapper, formerNames.getIfAvailable(FormerEventNames::none));
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** A duplicate (aggregate, sequence) as PostgreSQL reports it: a concurrent append, not a failure. */
    @Bean
    @Primary
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeys();
    }

    /**
     * The JDBC engine, its event-stream reads spaced {@code tally.event-store.read-interval} apart
     * (see {@link PacedEventReads}): under load, one query for the events of that interval instead
     * of one per commit; the projections and the publication see an event at most that much later.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Value("${tally.event-store.read-interval:10ms}") Duration readInterval) {
        return new PacedEventReads(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .gapTimeout((int) GAP_TIMEOUT.toMillis())
                .build(), readInterval);
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Carries the request's correlation id, its actor and platform unchanged from command to
     * events to the commands those events cause. Axon's default origin provider is left out on
     * purpose: it replaces the correlation id with the parent message's id at every hop.
     */
    @Bean
    public CorrelationDataProvider requestContextProvider() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.CORRELATION_ID, MetaDataKeys.ACTOR,
                MetaDataKeys.PLATFORM_ID);
    }

    /**
     * Projections and consumers stop and retry on failure instead of logging and moving on:
     * an event is never skipped.
     */
    @Autowired
    public void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
