package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.service.axon.EventProcessors;
import io.tally.service.axon.ProcessorDelay;
import io.tally.service.axon.Segments;
import io.tally.service.axon.EventProcessors.Processor;
import io.tally.service.kafka.PublicationConfiguration.KafkaTopics;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the processors a service's slices declare in their {@link EventProcessors} beans with Axon: subscribing ones on
 * the event bus, tracking ones on the event store or on one shared Kafka source per consumed topic, in segments
 * ({@link Segments}). The Kafka
 * sources are built when Axon starts the processors, after the topics were created. Every tracking processor's delay
 * behind its events is measured ({@link ProcessorDelay}).
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessorRegistration {

    private final Map<String, StreamableKafkaMessageSource<String, CloudEvent>> sources = new ConcurrentHashMap<>();

    @Autowired
    public void registerProcessors(EventProcessingConfigurer processing, ObjectProvider<EventProcessors> declared,
                                   ObjectProvider<Serializer> eventSerializer,
                                   ObjectProvider<ConsumerFactory<String, CloudEvent>> consumerFactory,
                                   ObjectProvider<Fetcher<String, CloudEvent, KafkaEventMessage>> fetcher,
                                   ObjectProvider<KafkaMessageConverter<String, CloudEvent>> messageConverter,
                                   ObjectProvider<KafkaTopics> topics, ObjectProvider<MeterRegistry> meters,
                                   Environment environment) {
        for (Processor processor : EventProcessors.merged(declared.orderedStream().toList()).all()) {
            switch (processor.mode()) {
                case SUBSCRIBING -> processing.registerSubscribingEventProcessor(processor.name());
                case TRACKING -> {
                    processing.registerTrackingEventProcessor(processor.name(),
                            configuration -> processor.topic()
                                    .map(topic -> kafkaSource(topic, () -> {
                                        topics.getObject(); // the topics exist before anything subscribes
                                        return ConsumedTopic.source(topic, eventSerializer.getObject(),
                                                consumerFactory.getObject(), fetcher.getObject(),
                                                messageConverter.getObject());
                                    }))
                                    .orElseGet(configuration::eventStore));
                    Segments.configure(processing, environment, processor.name(), processor.batchSize());
                }
            }
            if (processor.mode() == EventProcessors.Mode.TRACKING) {
                processing.registerHandlerInterceptor(processor.name(), configuration ->
                        new ProcessorDelay(meters.getObject(), processor.name(), Clock.systemUTC()));
            }
        }
    }

    /** One source per topic, shared by the processors that consume it. */
    private StreamableMessageSource<TrackedEventMessage<?>> kafkaSource(
            String topic, Supplier<StreamableKafkaMessageSource<String, CloudEvent>> build) {
        return sources.computeIfAbsent(topic, named -> build.get());
    }
}
