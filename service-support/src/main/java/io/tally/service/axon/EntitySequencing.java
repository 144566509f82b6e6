package io.tally.service.axon;

import io.tally.contracts.PublishedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Which events a tracking processor handles in order, in one segment: those about one entity. A published fact's
 * entity is its record key (the customer, the invitation, the platform: the key that keeps its order on Kafka); an
 * internal event's is its aggregate. Segments split a processor's work between threads and instances, so this is
 * what keeps each customer's facts in order once they are split. Axon's default, by aggregate, would put every
 * event consumed from Kafka in a segment of its own choosing (they carry no aggregate), and might send two aggregates'
 * events about one customer to different segments, out of the order the publisher owes Kafka.
 */
public final class EntitySequencing implements SequencingPolicy<EventMessage<?>> {

    public static final EntitySequencing INSTANCE = new EntitySequencing();

    private EntitySequencing() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (PublishedEvent.class.isAssignableFrom(event.getPayloadType())
                && event.getPayload() instanceof PublishedEvent published && published.recordKey() != null) {
            return published.recordKey();
        }
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
