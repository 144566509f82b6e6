package io.tally.service.axon;

import io.tally.contracts.ledger.BalanceRefilledEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Events about one entity share a segment: a fact by its record key, an internal event by its aggregate. */
class EntitySequencingTest {

    private static final BalanceRefilledEvent REFILL = new BalanceRefilledEvent("entry-1", "customer-7", "platform-1",
            "EUR", 100, 100, 0, null, "key-1", "admin", Instant.parse("2026-12-06T12:00:00Z"), "0", "1");

    @Test
    void aFactFromAnotherServiceFollowsItsRecordKey() {
        EventMessage<?> consumed = GenericEventMessage.asEventMessage(REFILL);
        assertThat(EntitySequencing.INSTANCE.getSequenceIdentifierFor(consumed)).isEqualTo("customer-7");
    }

    @Test
    void aFactOfAnAggregateFollowsItsRecordKeyNotItsAggregate() {
        EventMessage<?> stored = new GenericDomainEventMessage<>("Pool", "pool-3", 4, REFILL);
        assertThat(EntitySequencing.INSTANCE.getSequenceIdentifierFor(stored)).isEqualTo("customer-7");
    }

    @Test
    void anInternalEventFollowsItsAggregate() {
        EventMessage<?> stored = new GenericDomainEventMessage<>("Invitation", "invitation-9", 2, "refusal counted");
        assertThat(EntitySequencing.INSTANCE.getSequenceIdentifierFor(stored)).isEqualTo("invitation-9");
    }

    @Test
    void anEventOfNoEntityIsItsOwnSequence() {
        EventMessage<?> loose = GenericEventMessage.asEventMessage("tick");
        assertThat(EntitySequencing.INSTANCE.getSequenceIdentifierFor(loose)).isEqualTo(loose.getIdentifier());
    }
}
