package io.tally.ledger.config;

import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.balance.CustomerLedgerOpenedEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.credits.PlatformLedgerOpenedEvent;
import io.tally.ledger.credits.PoolAllocationChangedEvent;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event streams stored before the slice re-cut, their private events named by their former classes, still load:
 * rows written straight into the event store (as an existing database holds them) for a customer and a platform
 * the running service has never loaded, then written to through the API.
 */
class FormerEventNamesIntegrationTest extends LedgerApiTest {

    private static final String FORMER_HOLDER = "io.tally.ledger.command.LedgerEvents$";

    @Autowired
    Serializer serializer;

    /** One stored event row; {@code storedType} null for the name the serializer gives it today. */
    private void store(String aggregateType, String aggregateId, long sequence, Object event, String storedType) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", aggregateId, sequence, aggregateType,
                UUID.randomUUID().toString(), metaData.getData(), payload.getData(), payload.getType().getRevision(),
                storedType == null ? payload.getType().getName() : storedType, Instant.now().toString());
    }

    private static String formerName(Class<?> event) {
        return FORMER_HOLDER + event.getSimpleName();
    }

    @Test
    void aCustomersLedgerOpenedUnderTheFormerNameTakesARefill() {
        String customerId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO ledger_customers (customer_id, platform_id) VALUES (?, ?)",
                UUID.fromString(customerId), UUID.fromString(platformId));
        store("CustomerLedger", customerId, 0, new CustomerLedgerOpenedEvent(customerId, platformId),
                formerName(CustomerLedgerOpenedEvent.class));

        Response refilled = refill(customerId, "\"5.00\"", "former-1");

        assertThat(refilled.status()).as(refilled.toString()).isEqualTo(200);
        assertThat(refilled.json().get("balance").asText()).isEqualTo("5.00");
    }

    @Test
    void aPoolOpenedAndAllocatedUnderTheFormerNamesKeepsItsAllocation() {
        String pool = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO ledger_platforms (platform_id, currency) VALUES (?, 'USD')", UUID.fromString(pool));
        store("PlatformLedger", pool, 0, new PlatformLedgerOpenedEvent(pool, "USD"),
                formerName(PlatformLedgerOpenedEvent.class));
        store("PlatformLedger", pool, 1, LedgerHash.seal(new PlatformCreditPoolSetEvent(UUID.randomUUID().toString(),
                pool, "USD", 0, 10_000, 0, 10_000, "former-pool", "provider", Instant.now(), null, null)), null);
        store("PlatformLedger", pool, 2, new PoolAllocationChangedEvent(pool, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), 3000, 3000, Instant.now()), formerName(PoolAllocationChangedEvent.class));
        String path = "/api/v1/platforms/" + pool + "/credit-pool";

        assertProblem(send("PUT", path, TestTokens.provider(), "former-2", "{\"total\":\"29.99\"}"), 409,
                "total_below_allocated", "total");
        Response set = send("PUT", path, TestTokens.provider(), "former-3", "{\"total\":\"30.00\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("allocated").asText()).isEqualTo("30.00");
        assertThat(set.json().get("available").asText()).isEqualTo("0.00");
        assertThat(set.json().get("currency").asText()).isEqualTo("USD");
    }
}
