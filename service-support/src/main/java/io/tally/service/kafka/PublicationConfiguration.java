package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;
import io.tally.service.axon.MetaDataKeys;
import io.tally.service.axon.ProcessorDelay;
import io.tally.service.axon.Segments;
import io.tally.tokens.KafkaClientSecurity;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.cloudevent.CloudEventKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
                                   @Value("${tally.kafka.partitions}") int partitions,
                                   KafkaClientSecurity security) throws Exception {
        KafkaTopics topics = KafkaTopics.keptForever(partitions,
                Topics.CUSTOMER_EVENTS, Topics.AUTH_EVENTS, Topics.LEDGER_EVENTS);
        topics.createAndCheck(bootstrapServers, security.clientProperties());
        return topics;
    }

    @Bean
    public KafkaClientSecurity kafkaClientSecurity(Environment environment) {
        return KafkaClientSecurity.from(environment);
    }

    /**
     * Axon's Kafka producer and consumers are built from its {@code axon.kafka} properties: the service's credentials
     * ({@link KafkaClientSecurity}) join the properties common to both.
     */
    @Bean
    public static BeanPostProcessor kafkaClientCredentials(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties axonKafka) {
                    KafkaClientSecurity.from(environment).clientProperties().forEach(axonKafka::put);
                }
                return bean;
            }
        };
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
     * default stores it after every event. The whole batch is sent at once and its acknowledgements
     * awaited together ({@link BatchAcknowledgedPublisher}), before the position moves. Order is kept:
     * each entity's events are in one segment ({@link io.tally.service.axon.EntitySequencing}), whose thread sends
     * them in turn through the one producer, and a failure rolls the whole batch back to be sent again (consumers
     * drop a republished event by its id).
     */
    @Autowired
    public void publishInBatches(EventProcessingConfigurer processing,
                                 @Value("${axon.kafka.publisher.processing-group:kafka-publisher}") String group,
                                 @Value("${tally.kafka.publication-batch-size:500}") int batchSize,
                                 ObjectProvider<MeterRegistry> meters, Environment environment) {
        Segments.configure(processing, environment, group, batchSize);
        processing.registerHandlerInterceptor(group,
                configuration -> new ProcessorDelay(meters.getObject(), group, Clock.systemUTC()));
    }

    @Bean(destroyMethod = "shutDown")
    public KafkaPublisher<String, CloudEvent> kafkaPublisher(
            ProducerFactory<String, CloudEvent> axonKafkaProducerFactory, Serializer eventSerializer,
            KafkaMessageConverter<String, CloudEvent> kafkaMessageConverter,
            org.axonframework.config.Configuration configuration, TopicResolver topicResolver,
            @Value("${tally.kafka.acknowledgement-timeout:PT10S}") Duration acknowledgementTimeout) {
        return new BatchAcknowledgedPublisher(axonKafkaProducerFactory, eventSerializer, kafkaMessageConverter,
                configuration.messageMonitor(KafkaPublisher.class, "kafkaPublisher"), topicResolver,
                acknowledgementTimeout);
    }

    /** Only the published language leaves the service, each event on its own topic. */
    @Bean
    public TopicResolver topicResolver() {
        return message -> EventCatalog.topicIfPublished(message.getPayloadType());
    }

    private static Object recordKey(EventMessage<?> message) {
        return message.getPayload() instanceof PublishedEvent published ? published.recordKey() : null;
    }

    /**
     * Tally's topics, created at start-up when missing, then checked: every one keeps its records
     * forever (a consumer replays each from offset 0) and has the configured partition count (the
     * record key's partition, and so each entity's order, depends on it). A topic that differs,
     * made by hand or by an older version, stops the service at start-up with {@link TopicSettingsMismatch}.
     */
    public record KafkaTopics(List<NewTopic> topics) {

        /** What every Tally topic is: deleted never, by time nor by size, nor compacted. */
        static final Map<String, String> KEPT_FOREVER = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

        static KafkaTopics keptForever(int partitions, String... names) {
            return new KafkaTopics(Arrays.stream(names)
                    .map(name -> new NewTopic(name, partitions, (short) 1).configs(KEPT_FOREVER))
                    .toList());
        }

        void createAndCheck(String bootstrapServers, Map<String, String> clientProperties)
                throws InterruptedException, TimeoutException, ExecutionException {
            Map<String, Object> config = new HashMap<>(clientProperties);
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (AdminClient admin = AdminClient.create(config)) {
                for (NewTopic topic : topics) {
                    try {
                        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                checkOnceKnown(admin);
            }
        }

        /** A topic just created may be unknown to the broker's metadata for a moment: asks again for up to 30 s. */
        private void checkOnceKnown(AdminClient admin) throws InterruptedException, TimeoutException, ExecutionException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    check(admin);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }

        /** Describes the topics as the broker has them and throws when one differs from what it should be. */
        void check(AdminClient admin) throws InterruptedException, TimeoutException, ExecutionException {
            List<String> names = topics.stream().map(NewTopic::name).toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            List<String> differences = new ArrayList<>();
            for (NewTopic topic : topics) {
                int partitions = descriptions.get(topic.name()).partitions().size();
                if (partitions != topic.numPartitions()) {
                    differences.add(difference(topic.name(), "partitions", String.valueOf(topic.numPartitions()),
                            String.valueOf(partitions)));
                }
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                new TreeMap<>(topic.configs()).forEach((setting, expected) -> {
                    ConfigEntry entry = config.get(setting);
                    String found = entry == null ? null : entry.value();
                    if (!expected.equals(found)) {
                        differences.add(difference(topic.name(), setting, expected, found));
                    }
                });
            }
            if (!differences.isEmpty()) {
                throw new TopicSettingsMismatch(differences);
            }
        }

        private static String difference(String topic, String setting, String expected, String found) {
            return "topic " + topic + ": " + setting + " is " + found + ", expected " + expected;
        }
    }

    /** A Tally topic on the broker is not as the service needs it; the service does not start. */
    public static class TopicSettingsMismatch extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        TopicSettingsMismatch(List<String> differences) {
            super("Kafka topics differ from what Tally needs (every topic keeps its records forever, with "
                    + "tally.kafka.partitions partitions): " + String.join("; ", differences)
                    + ". Fix the topic's settings (kafka-configs --alter --entity-type topics --entity-name <topic> "
                    + "--add-config retention.ms=-1,retention.bytes=-1), or recreate it when its partitions differ "
                    + "(a local stack: ./local-stack/run --fresh).");
        }
    }
}
