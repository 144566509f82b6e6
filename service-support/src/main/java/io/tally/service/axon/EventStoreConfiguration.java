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
     * <p>
     * A gap in the global index (a transaction that took its index and has not committed yet) is
     * given up on by a processor, and an event committed into it later skipped for good, in two cases
     * only: once more than {@code tally.event-store.max-gap-offset} (1,000,000) events follow it, or,
     * when the processor tracks more than {@code tally.event-store.gap-cleaning-threshold} (250, Axon's)
     * gaps, once it is older than {@code tally.event-store.gap-timeout} (10 minutes). Axon's own offset
     * of 10,000 would be reached in 9 s at the 1,100 writes/s the ledger takes on this machine; a million
     * takes 15 minutes. Both are far above how long a transaction can stay open: a command's takes
     * milliseconds, and the server ends one left idle beyond {@code idle_in_transaction_session_timeout}
     * (60 s, tally-defaults.yml). GapsIntegrationTest and GapTimeoutIntegrationTest show both sides.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Value("${tally.event-store.read-interval:10ms}") Duration readInterval,
                                                 @Value("${tally.event-store.gap-timeout:10m}") Duration gapTimeout,
                                                 @Value("${tally.event-store.max-gap-offset:1000000}") int maxGapOffset,
                                                 @Value("${tally.event-store.gap-cleaning-threshold:250}")
                                                 int gapCleaningThreshold) {
        return new PacedEventReads(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(maxGapOffset)
                .gapCleaningThreshold(gapCleaningThreshold)
                .build(), readInterval);
    }

    /** How long a segment's claim lasts without its owner extending it: a dead instance's work waits this long. */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    public InstanceNode instanceNode() {
        return InstanceNode.ofThisProcess();
    }

    /** The processors' positions, each segment's claimed by this instance under its {@link InstanceNode}. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, InstanceNode node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .nodeId(node.id())
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
