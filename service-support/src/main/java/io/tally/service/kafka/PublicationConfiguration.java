package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;
import io.tally.service.axon.MetaDataKeys;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.cloudevent.CloudEventKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
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
 * How a Tally service's events leave it and arrive from others: CloudEvents (binary mode),
 * keyed by the event's record key, on the topic of its type; only the published language
 * leaves. The topics are created at start-up, before any producer or consumer starts.
 */
@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

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
    public KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter(
            Serializer eventSerializer, org.axonframework.config.Configuration configuration,
            @Value("${spring.application.name}") String serviceName) {
        URI source = URI.create("urn:tally:" + serviceName);
        return CloudEventKafkaMessageConverter.builder()
                .serializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .sequencingPolicy(PublicationConfiguration::recordKey)
                .sourceSupplier(message -> source)
                .subjectSupplier(message -> message instanceof DomainEventMessage<?> domain
                        ? Optional.of(domain.getAggregateIdentifier()) : Optional.empty())
                .dataContentTypeSupplier(message -> Optional.of("application/json"))
                .addMetadataMapper(MetaDataKeys.CORRELATION_ID, "correlationid")
                .addMetadataMapper(MetaDataKeys.ACTOR, "actor")
                .addMetadataMapper(MetaDataKeys.PLATFORM_ID, "platformid")
                .build();
    }

    /**
     * The publisher takes what the event store holds up to {@code tally.kafka.publication-batch-size}
     * events at a time and stores its position once per batch, in one transaction, where Axon's
     * default stores it after every event. Within the batch the extension still sends one event
     * and awaits its acknowledgement before the next, so each event costs a broker round trip.
     * Order is kept: one producer sends them in turn, and a failure rolls the whole batch back to
     * be sent again (consumers drop a republished event by its id).
     */
    @Autowired
    public void publishInBatches(EventProcessingConfigurer processing,
                                 @Value("${axon.kafka.publisher.processing-group:kafka-publisher}") String group,
                                 @Value("${tally.kafka.publication-batch-size:100}") int batchSize) {
        processing.registerTrackingEventProcessorConfiguration(group,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize));
    }

    /** Only the published language leaves the service, each event on its own topic. */
    @Bean
    public TopicResolver topicResolver() {
        return message -> EventCatalog.topicIfPublished(message.getPayloadType());
    }

    private static Object recordKey(EventMessage<?> message) {
        return message.getPayload() instanceof PublishedEvent published ? published.recordKey() : null;
    }

    /** Tally's topics, created at start-up when missing. */
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
