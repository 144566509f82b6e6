package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Another service's topic as the source of a tracking processor: its position is a token in
 * this service's database, stored in the same transaction as what the handlers write, so each
 * consumed event takes effect once even when Kafka delivers it again.
 */
public final class ConsumedTopic {

    private ConsumedTopic() {
    }

    public static StreamableKafkaMessageSource<String, CloudEvent> source(
            String topic, Serializer eventSerializer, ConsumerFactory<String, CloudEvent> consumerFactory,
            Fetcher<String, CloudEvent, KafkaEventMessage> fetcher,
            KafkaMessageConverter<String, CloudEvent> messageConverter) {
        return StreamableKafkaMessageSource.<String, CloudEvent>builder()
                .topics(List.of(topic))
                .serializer(eventSerializer)
                .consumerFactory(consumerFactory)
                .fetcher(fetcher)
                .messageConverter(messageConverter)
                .bufferFactory(() -> new SortedKafkaMessageBuffer<>(1_000))
                .build();
    }
}
