package io.tally.customer.config;

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
 * customer-service reads auth-service's events (registrations) and credit-ledger-service's
 * (balances and credits) from Kafka.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private final Serializer eventSerializer;
    private final ConsumerFactory<String, CloudEvent> kafkaConsumerFactory;
    private final Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher;
    private final KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter;

    /** {@code createdFirst}: the topics exist before anything subscribes to them. */
    public KafkaConfig(Serializer eventSerializer, ConsumerFactory<String, CloudEvent> kafkaConsumerFactory,
                       Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher,
                       KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter, KafkaTopics createdFirst) {
        this.eventSerializer = eventSerializer;
        this.kafkaConsumerFactory = kafkaConsumerFactory;
        this.kafkaFetcher = kafkaFetcher;
        this.kafkaMessageConverter = kafkaMessageConverter;
    }

    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> authEventsSource() {
        return source(Topics.AUTH_EVENTS);
    }

    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> ledgerEventsSource() {
        return source(Topics.LEDGER_EVENTS);
    }

    private StreamableKafkaMessageSource<String, CloudEvent> source(String topic) {
        return ConsumedTopic.source(topic, eventSerializer, kafkaConsumerFactory, kafkaFetcher,
                kafkaMessageConverter);
    }
}
