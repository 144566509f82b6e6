package io.tally.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;

import java.util.Map;

/**
 * Publishes another service's facts to the test's broker as that service would: on the event's
 * topic, with its record key, as a binary-mode CloudEvent.
 */
public final class PublishedFacts {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PublishedFacts() {
    }

    public static void publish(PublishedEvent event) {
        try {
            KafkaProbe.publish(EventCatalog.topicOf(event.getClass()), event.recordKey(),
                    EventCatalog.typeOf(event.getClass()), JSON.writeValueAsString(event), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
