package io.tally.service.kafka;

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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BatchAcknowledgedPublisherTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(false, new StringSerializer(), new StringSerializer());

    @Test
    void sendsAllOfABatchBeforeAwaitingAnyAcknowledgementAndCommitsOnceAllAreIn() throws Exception {
        BatchAcknowledgedPublisher<String, String> publisher = publisher(ConfirmationMode.WAIT_FOR_ACK,
                Duration.ofSeconds(10));
        ExecutorService processor = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> batch = processor.submit(() -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                for (String payload : List.of("a", "b", "c")) {
                    publisher.send(GenericEventMessage.asEventMessage(payload));
                }
                unitOfWork.commit();
                return unitOfWork.isRolledBack();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);
            assertThat(producer.history()).as("all three sent before any was acknowledged")
                    .extracting(ProducerRecord::value).containsExactly("a", "b", "c");
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(batch).as("the commit waits for the acknowledgements").isNotDone();
            producer.completeNext();
            producer.completeNext();
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(batch).as("and for the last one too").isNotDone();
            producer.completeNext();
            assertThat(batch.get(5, TimeUnit.SECONDS)).as("rolled back").isFalse();
            assertThat(producer.closed()).as("the producer is handed back once the unit of work is done").isTrue();
        } finally {
            processor.shutdownNow();
        }
    }

    @Test
    void aRefusedEventFailsTheCommitSoTheBatchIsSentAgain() {
        BatchAcknowledgedPublisher<String, String> publisher = publisher(ConfirmationMode.WAIT_FOR_ACK,
                Duration.ofSeconds(10));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("a"));
        publisher.send(GenericEventMessage.asEventMessage("b"));
        producer.completeNext();
        producer.errorNext(new IllegalStateException("broker down"));

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(EventPublicationFailedException.class)
                .hasRootCauseMessage("broker down");
        assertThat(unitOfWork.isRolledBack()).isTrue();
    }

    @Test
    void anAcknowledgementThatDoesNotComeInTimeFailsTheCommit() {
        BatchAcknowledgedPublisher<String, String> publisher = publisher(ConfirmationMode.WAIT_FOR_ACK,
                Duration.ofMillis(200));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("a"));

        long started = System.nanoTime();
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(EventPublicationFailedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(unitOfWork.isRolledBack()).isTrue();
    }

    @Test
    void eventsWithoutATopicAreNotSentAndOpenNothing() {
        BatchAcknowledgedPublisher<String, String> publisher = publisher(ConfirmationMode.WAIT_FOR_ACK,
                Duration.ofSeconds(10));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("internal"));
        unitOfWork.commit();

        assertThat(producer.history()).isEmpty();
        assertThat(producer.closed()).isFalse();
    }

    @Test
    void withoutAcknowledgementsTheCommitDoesNotWait() {
        BatchAcknowledgedPublisher<String, String> publisher = publisher(ConfirmationMode.NONE, Duration.ofSeconds(10));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("a"));
        unitOfWork.commit();

        assertThat(unitOfWork.isRolledBack()).isFalse();
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void kafkaTransactionsAreRefused() {
        assertThatThrownBy(() -> publisher(ConfirmationMode.TRANSACTIONAL, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactions");
    }

    /** A unit of work a failed test left open would swallow the next test's commits. */
    @AfterEach
    void noUnitOfWorkLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private BatchAcknowledgedPublisher<String, String> publisher(ConfirmationMode mode, Duration ackTimeout) {
        return new BatchAcknowledgedPublisher<>(new ProducerFactory<>() {
            @Override
            public Producer<String, String> createProducer() {
                return producer;
            }

            @Override
            public ConfirmationMode confirmationMode() {
                return mode;
            }

            @Override
            public void shutDown() {
                producer.close();
            }
        }, new PayloadAsValue(), event -> "internal".equals(event.getPayload()) ? Optional.empty() : Optional.of("topic"),
                NoOpMessageMonitor.INSTANCE, ackTimeout);
    }

    /** The payload's text as the record's value. */
    private static final class PayloadAsValue implements KafkaMessageConverter<String, String> {

        @Override
        public ProducerRecord<String, String> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
            return new ProducerRecord<>(topic, eventMessage.getIdentifier(), eventMessage.getPayload().toString());
        }

        @Override
        public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, String> consumerRecord) {
            return Optional.empty();
        }
    }
}
