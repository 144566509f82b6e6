package io.tally.service.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.EventCatalog;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Jackson serialization that names published events by their CloudEvents type
 * ({@code io.tally.customer.CustomerCreated.v1}) instead of their Java class, in the event
 * store and on Kafka alike: the stored and published language survives renaming a class,
 * and events from other services resolve to this service's copy of the contract.
 */
public class PublishedLanguageSerializer extends JacksonSerializer {

    PublishedLanguageSerializer(Builder builder) {
        super(builder);
    }

    public static PublishedLanguageSerializer create(ObjectMapper applicationMapper) {
        ObjectMapper tolerantReader = applicationMapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new PublishedLanguageSerializer(JacksonSerializer.builder().objectMapper(tolerantReader));
    }

    @Override
    @SuppressWarnings("rawtypes") // Axon's Serializer declares this parameter raw
    public SerializedType typeForClass(Class type) {
        if (type != null && EventCatalog.topicIfPublished(type).isPresent()) {
            return new SimpleSerializedType(EventCatalog.typeOf(type), null);
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalog.classOfType(serializedType.getName())
                .<String>map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
