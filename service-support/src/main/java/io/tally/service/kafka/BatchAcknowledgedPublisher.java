package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch of the publisher's tracking processor the way a producer is meant to be used: every event of the
 * batch is sent at once, and the acknowledgements are awaited together before the batch's position is committed.
 * Axon's own publisher awaits each event's acknowledgement before it sends the next, a broker round trip per event.
 * <p>
 * Nothing is weakened: the position moves only once the broker has acknowledged every event of the batch ({@code
 * acks=all}), so an event is never skipped; a failed or timed-out acknowledgement fails the batch, which is rolled back
 * and sent again whole (consumers drop a republished event by its id). Order is kept: one idempotent producer sends
 * the batch in the event store's order, and a partition keeps the order of what one producer sent it.
 */
public final class BatchAcknowledgedPublisher extends KafkaPublisher<String, CloudEvent> {

    private static final String UNACKNOWLEDGED = BatchAcknowledgedPublisher.class.getName() + ".unacknowledged";

    private final ProducerFactory<String, CloudEvent> producers;
    private final KafkaMessageConverter<String, CloudEvent> converter;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final TopicResolver topics;
    private final Duration acknowledgementTimeout;

    public BatchAcknowledgedPublisher(ProducerFactory<String, CloudEvent> producers, Serializer serializer,
                                      KafkaMessageConverter<String, CloudEvent> converter,
                                      MessageMonitor<? super EventMessage<?>> monitor, TopicResolver topics,
                                      Duration acknowledgementTimeout) {
        super(KafkaPublisher.<String, CloudEvent>builder().producerFactory(producers).serializer(serializer)
                .messageConverter(converter)
                .messageMonitor(monitor).topicResolver(topics).publisherAckTimeout(acknowledgementTimeout.toMillis()));
        if (producers.confirmationMode() != ConfirmationMode.WAIT_FOR_ACK) {
            throw new IllegalStateException("The publisher awaits the broker's acknowledgements"
                    + " (axon.kafka.publisher.confirmation-mode: wait_for_ack), not " + producers.confirmationMode());
        }
        this.producers = producers;
        this.converter = converter;
        this.monitor = monitor;
        this.topics = topics;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        MonitorCallback callback = monitor.onMessageIngested(event);
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Unacknowledged unacknowledged = batch.getOrComputeResource(UNACKNOWLEDGED, key -> {
            Unacknowledged sent = new Unacknowledged();
            batch.onPrepareCommit(unitOfWork -> sent.await(acknowledgementTimeout));
            return sent;
        });
        // The factory's one shared producer: closing it here is a no-op, as in Axon's publisher.
        Producer<String, CloudEvent> producer = producers.createProducer();
        unacknowledged.add(producer.send(converter.createKafkaMessage(event, topic.get())), callback);
    }

    /** What a batch has sent, with each event's monitor callback, until the broker has acknowledged it. */
    private static final class Unacknowledged {

        private final List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        private final List<MonitorCallback> callbacks = new ArrayList<>();

        void add(Future<RecordMetadata> acknowledgement, MonitorCallback callback) {
            acknowledgements.add(acknowledgement);
            callbacks.add(callback);
        }

        void await(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < acknowledgements.size(); i++) {
                try {
                    acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    callbacks.get(i).reportSuccess();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failed(i, interrupted);
                } catch (ExecutionException | TimeoutException failure) {
                    throw failed(i, failure);
                }
            }
        }

        private EventPublicationFailedException failed(int from, Exception cause) {
            callbacks.subList(from, callbacks.size()).forEach(callback -> callback.reportFailure(cause));
            return new EventPublicationFailedException("The broker did not acknowledge " + (callbacks.size() - from)
                    + " of the batch's " + callbacks.size() + " events: the batch is sent again", cause);
        }
    }
}
