package io.tally.ledger.config;

import io.tally.ledger.billing.BillingDetailsProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The billing details and the Kafka publication are derived from the event store, and each
 * keeps its position in the same transaction as its effects. Their commits therefore need not
 * wait for PostgreSQL to flush the WAL: a crash can lose only the last fraction of a second of
 * both the effects and the position together, and the processor does that work again from the
 * event store (the billing-details rows are keyed by entry, consumers drop a republished event
 * by its id). Money writes themselves keep synchronous commits: what was accepted stays.
 * {@code tally.ledger.asynchronous-derived-commits=false} turns this off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tally.ledger.asynchronous-derived-commits", havingValue = "true", matchIfMissing = true)
class DerivedDataCommits {

    @Autowired
    public void commitAsynchronously(EventProcessingConfigurer processing, JdbcTemplate jdbc,
                                     @Value("${axon.kafka.publisher.processing-group}") String publisher) {
        List.of(BillingDetailsProjection.PROCESSING_GROUP, publisher).forEach(processor ->
                processing.registerHandlerInterceptor(processor, configuration -> new AsynchronousCommit(jdbc)));
    }

    /** Once per unit of work (a whole batch): the transaction's commit does not wait for the WAL flush. */
    static final class AsynchronousCommit implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String DONE = AsynchronousCommit.class.getName();

        private final JdbcTemplate jdbc;

        AsynchronousCommit(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            unitOfWork.root().getOrComputeResource(DONE, key -> {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                return Boolean.TRUE;
            });
            return chain.proceed();
        }
    }
}
