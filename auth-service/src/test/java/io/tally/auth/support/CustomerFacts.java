package io.tally.auth.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;
import io.tally.testsupport.KafkaProbe;

import java.util.Map;

/** Publishes customer-service's facts to the test's broker, as customer-service does. */
public final class CustomerFacts {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CustomerFacts() {
    }

    public static void publish(PublishedEvent event) {
        try {
            KafkaProbe.publish(Topics.CUSTOMER_EVENTS, event.recordKey(), EventCatalog.typeOf(event.getClass()),
                    JSON.writeValueAsString(event), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
