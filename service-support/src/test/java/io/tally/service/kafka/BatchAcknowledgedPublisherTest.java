package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BatchAcknowledgedPublisherTest {

    /** The broker's side: nothing is acknowledged until the test says so. */
    private final MockProducer<String, CloudEvent> broker = new MockProducer<>(false, new StringSerializer(),
            (topic, event) -> new byte[0]);

    private final BatchAcknowledgedPublisher publisher = new BatchAcknowledgedPublisher(producers(broker, ConfirmationMode.WAIT_FOR_ACK),
            JacksonSerializer.defaultSerializer(),
            new Converter(), NoOpMessageMonitor.instance(),
            event -> "unpublished".equals(event.getPayload()) ? Optional.empty() : Optional.of("topic"),
            Duration.ofSeconds(2));

    @Test
    void sendsTheWholeBatchAtOnceAndCommitsOnlyOnceEveryEventIsAcknowledged() {
        AtomicBoolean committed = new AtomicBoolean();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.afterCommit(done -> committed.set(true));
            publish("a", "b", "c");
            unitOfWork.commit();
        });

        await().atMost(Duration.ofSeconds(2)).until(() -> broker.history().size() == 3);
        assertThat(broker.history()).extracting(ProducerRecord::key).containsExactly("a", "b", "c");

        broker.completeNext();
        broker.completeNext();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).untilFalse(committed);

        broker.completeNext();
        assertThat(batch).succeedsWithin(Duration.ofSeconds(2));
        assertThat(committed).isTrue();
    }

    @Test
    void aRefusedEventFailsTheWholeBatchWhichIsRolledBack() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        AtomicBoolean rolledBack = new AtomicBoolean();
        batch.onRollback(unitOfWork -> rolledBack.set(true));
        publish("a", "b");
        broker.completeNext();
        broker.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("no replica"));

        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasMessageContaining("1 of the batch's 2 events");
        assertThat(rolledBack).isTrue();
    }

    @Test
    void anUnacknowledgedBatchFailsAfterTheTimeout() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publish("a");

        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasMessageContaining("1 of the batch's 1 events");
    }

    @Test
    void sendsNothingForAnEventThatIsNotPublished() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publish("unpublished");
        batch.commit();

        assertThat(broker.history()).isEmpty();
    }

    @Test
    void refusesAProducerThatDoesNotAwaitAcknowledgements() {
        ProducerFactory<String, CloudEvent> fireAndForget = producers(broker, ConfirmationMode.NONE);
        assertThatThrownBy(() -> new BatchAcknowledgedPublisher(fireAndForget, JacksonSerializer.defaultSerializer(), new Converter(),
                NoOpMessageMonitor.instance(), event -> Optional.of("topic"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wait_for_ack");
    }

    private void publish(String... payloads) {
        for (String payload : payloads) {
            publisher.send(GenericEventMessage.asEventMessage(payload));
        }
    }

    private static ProducerFactory<String, CloudEvent> producers(Producer<String, CloudEvent> producer,
                                                                 ConfirmationMode mode) {
        return new ProducerFactory<>() {
            @Override
            public Producer<String, CloudEvent> createProducer() {
                return producer;
            }

            @Override
            public ConfirmationMode confirmationMode() {
                return mode;
            }

            @Override
            public void shutDown() {
            }
        };
    }

    /** Each event as a record keyed by its payload. */
    private static final class Converter implements KafkaMessageConverter<String, CloudEvent> {

        @Override
        public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> event, String topic) {
            return new ProducerRecord<>(topic, (String) event.getPayload(), CloudEventBuilder.v1()
                    .withId(event.getIdentifier()).withSource(URI.create("urn:test")).withType("test").build());
        }

        @Override
        public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, CloudEvent> consumerRecord) {
            return Optional.empty();
        }
    }
}
