package io.tally.customer.config;

import io.cloudevents.CloudEvent;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.cloudevent.CloudEventKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publication of the customer events (tracking mode: the event store is the outbox) and
 * consumption of auth-service's events, both as CloudEvents.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    static final URI SOURCE = URI.create("urn:tally:customer-service");

    /** Creates the topics this service writes or reads before any producer or consumer starts. */
    @Bean
    public KafkaTopics kafkaTopics(@Value("${tally.kafka.bootstrap-servers}") String bootstrapServers,
                                   @Value("${tally.kafka.partitions}") int partitions) throws Exception {
        KafkaTopics topics = new KafkaTopics(List.of(
                new NewTopic(Topics.CUSTOMER_EVENTS, partitions, (short) 1),
                new NewTopic(Topics.AUTH_EVENTS, partitions, (short) 1),
                new NewTopic(Topics.LEDGER_EVENTS, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))));
        topics.create(bootstrapServers);
        return topics;
    }

    @Bean
    public KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(Serializer eventSerializer,
                                                                          org.axonframework.config.Configuration configuration) {
        return CloudEventKafkaMessageConverter.builder()
                .serializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .sequencingPolicy(KafkaConfig::recordKey)
                .sourceSupplier(message -> SOURCE)
                .subjectSupplier(message -> message instanceof DomainEventMessage<?> domain
                        ? Optional.of(domain.getAggregateIdentifier()) : Optional.empty())
                .dataContentTypeSupplier(message -> Optional.of("application/json"))
                .addMetadataMapper(AxonConfig.ACTOR, "actor")
                .addMetadataMapper(AxonConfig.PLATFORM_ID, "platformid")
                .build();
    }

    /** Only the published language leaves the service, each event on its own topic. */
    @Bean
    public TopicResolver topicResolver() {
        return message -> EventCatalog.topicIfPublished(message.getPayloadType());
    }

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

    private static Object recordKey(EventMessage<?> message) {
        return message.getPayload() instanceof PublishedEvent published ? published.recordKey() : null;
    }

    /** The topics of this service, created at start-up when missing. */
    public record KafkaTopics(List<NewTopic> topics) {

        void create(String bootstrapServers) throws InterruptedException, TimeoutException, ExecutionException {
            try (AdminClient admin = AdminClient.create(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                for (NewTopic topic : topics) {
                    try {
                        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
    }
}
