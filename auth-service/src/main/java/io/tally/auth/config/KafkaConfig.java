package io.tally.auth.config;

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

/** auth-service reads customer-service's events (customers, invitations, registration decisions) from Kafka. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** {@code createdFirst}: the topics exist before anything subscribes to them. */
    @Bean
    public StreamableKafkaMessageSource<String, CloudEvent> customerEventsSource(
            Serializer eventSerializer,
            ConsumerFactory<String, CloudEvent> kafkaConsumerFactory,
            Fetcher<String, CloudEvent, KafkaEventMessage> kafkaFetcher,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter,
            KafkaTopics createdFirst) {
        return ConsumedTopic.source(Topics.CUSTOMER_EVENTS, eventSerializer, kafkaConsumerFactory, kafkaFetcher,
                kafkaMessageConverter);
    }
}
