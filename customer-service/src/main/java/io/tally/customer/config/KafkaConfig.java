package io.tally.customer.config;

import io.cloudevents.CloudEvent;
import io.tally.contracts.Topics;
import io.tally.service.kafka.PublicationConfiguration.KafkaTopics;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** customer-service reads auth-service's events (registrations) from Kafka. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> authEventsSource(
            Serializer eventSerializer,
            ConsumerFactory<String, CloudEvent> kafkaConsumerFactory,
            Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter,
            KafkaTopics createdFirst) {
        return StreamableKafkaMessageSource.<String, CloudEvent>builder()
                .topics(List.of(Topics.AUTH_EVENTS))
                .serializer(eventSerializer)
                .consumerFactory(kafkaConsumerFactory)
                .fetcher(kafkaFetcher)
                .messageConverter(kafkaMessageConverter)
                .bufferFactory(() -> new SortedKafkaMessageBuffer<>(1_000))
                .build();
    }
}
