package io.tally.service.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Axon's Kafka publisher, with a batch's acknowledgements awaited together. Axon's own (4.9.0)
 * sends an event and waits for the broker's acknowledgement before it returns, so a publishing
 * batch of 100 events is 100 broker round trips in a row, each a produce request of one record.
 * This one sends each event as the processor hands it over and awaits the acknowledgements of all
 * of the unit of work's events once, as the unit of work prepares to commit: before the processor
 * stores its position, so a position is only stored past events the broker has.
 * <p>
 * A failure or a time-out fails the commit: the batch is rolled back and sent again, and consumers
 * drop a republished event by its id. Order holds: the processor's one thread sends the batch in
 * turn through one idempotent producer. Kafka transactions are not supported.
 */
public final class BatchAcknowledgedPublisher<K, V> extends KafkaPublisher<K, V> {

    private final ProducerFactory<K, V> producers;
    private final KafkaMessageConverter<K, V> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final Duration ackTimeout;
    private final String resource = BatchAcknowledgedPublisher.class.getName() + "@" + System.identityHashCode(this);

    public BatchAcknowledgedPublisher(ProducerFactory<K, V> producers, KafkaMessageConverter<K, V> converter,
                                      TopicResolver topics, MessageMonitor<? super EventMessage<?>> monitor,
                                      Duration ackTimeout) {
        super(KafkaPublisher.<K, V>builder().producerFactory(producers).messageConverter(converter)
                .topicResolver(topics).messageMonitor(monitor).publisherAckTimeout(ackTimeout.toMillis()));
        if (producers.confirmationMode().isTransactional()) {
            throw new IllegalArgumentException("Kafka transactions are not supported; use wait_for_ack");
        }
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch<K, V> batch = unitOfWork.getOrComputeResource(resource, key -> open(unitOfWork));
        batch.send(converter, event, topic.get(), monitor.onMessageIngested(event));
    }

    private Batch<K, V> open(UnitOfWork<?> unitOfWork) {
        Batch<K, V> batch = new Batch<>(producers.createProducer(), producers.confirmationMode().isWaitForAck());
        unitOfWork.onPrepareCommit(u -> batch.awaitAll(ackTimeout));
        unitOfWork.onCleanup(u -> batch.close());
        return batch;
    }

    /** The records one unit of work sent, and what they answered. */
    private static final class Batch<K, V> {

        private record Sent(Future<RecordMetadata> acknowledgement, MonitorCallback callback) {
        }

        private final Producer<K, V> producer;
        private final boolean awaited;
        private final List<Sent> sent = new ArrayList<>();

        Batch(Producer<K, V> producer, boolean awaited) {
            this.producer = producer;
            this.awaited = awaited;
        }

        void send(KafkaMessageConverter<K, V> converter, EventMessage<?> event, String topic,
                  MonitorCallback callback) {
            sent.add(new Sent(producer.send(converter.createKafkaMessage(event, topic)), callback));
        }

        /** Every acknowledgement within {@code timeout} of the first wait, or the commit fails. */
        void awaitAll(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Sent record : sent) {
                if (!awaited) {
                    record.callback().reportSuccess();
                    continue;
                }
                try {
                    record.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    record.callback().reportSuccess();
                } catch (ExecutionException | TimeoutException e) {
                    record.callback().reportFailure(e);
                    throw new EventPublicationFailedException("Kafka did not acknowledge a published event", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    record.callback().reportFailure(e);
                    throw new EventPublicationFailedException("Interrupted awaiting Kafka's acknowledgement", e);
                }
            }
        }

        void close() {
            producer.close();
        }
    }
}
