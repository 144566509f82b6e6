package io.tally.ledger.config;

import io.cloudevents.CloudEvent;
import io.tally.contracts.Topics;
import io.tally.service.kafka.ConsumedTopic;
import io.tally.service.kafka.PublicationConfiguration.KafkaTopics;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger learns platforms and their currencies from auth-service's events, and customers and
 * their platforms from customer-service's. {@code createdFirst}: the topics exist before anything
 * subscribes to them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> authEventsSource(
            Serializer eventSerializer, ConsumerFactory<String, CloudEvent> kafkaConsumerFactory,
            Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter, KafkaTopics createdFirst) {
        return ConsumedTopic.source(Topics.AUTH_EVENTS, eventSerializer, kafkaConsumerFactory, kafkaFetcher,
                kafkaMessageConverter);
    }

    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> customerEventsSource(
            Serializer eventSerializer, ConsumerFactory<String, CloudEvent> kafkaConsumerFactory,
            Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter, KafkaTopics createdFirst) {
        return ConsumedTopic.source(Topics.CUSTOMER_EVENTS, eventSerializer, kafkaConsumerFactory, kafkaFetcher,
                kafkaMessageConverter);
    }
}
