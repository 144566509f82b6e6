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
 * and events from other services resolve to this service's copy of the contract. A private event
 * is named by its class; one stored before its class moved resolves through {@link FormerEventNames}.
 */
public class PublishedLanguageSerializer extends JacksonSerializer {

    private final FormerEventNames formerNames;

    PublishedLanguageSerializer(Builder builder, FormerEventNames formerNames) {
        super(builder);
        this.formerNames = formerNames;
    }

    public static PublishedLanguageSerializer create(ObjectMapper applicationMapper, FormerEventNames formerNames) {
        ObjectMapper tolerantReader = applicationMapper.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new PublishedLanguageSerializer(JacksonSerializer.builder().objectMapper(tolerantReader), formerNames);
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
                .or(() -> formerNames.currentName(serializedType.getName()))
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
