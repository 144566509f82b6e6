package io.tally.systemtests.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.tally.systemtests.replay.LedgerReplay.BrokenEntry;
import io.tally.systemtests.replay.LedgerReplay.CustomerFigures;
import io.tally.systemtests.replay.LedgerReplay.PlatformFigures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold of the ledger topic and its chain checks, record by record, without Kafka. */
class LedgerReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI SOURCE = URI.create("urn:tally:credit-ledger-service");

    private final LedgerReplay replay = new LedgerReplay();
    private final Map<String, String> heads = new HashMap<>();
    private int sequence;

    @Test
    void refillsDeductionsAndCreditsFoldIntoTheCustomersFigures() {
        apply(refill("c1", 2000, 2000, 0), deduct("c1", 500, 1500, 0), credits("c1", 0, 300, 1500, 700));

        assertThat(replay.broken()).isEmpty();
        assertThat(replay.customers()).containsOnlyKeys("c1");
        assertThat(replay.customers().get("c1"))
                .isEqualTo(new CustomerFigures("c1", "p1", "USD", 1500, 300, 3, "e-3", heads.get("customer:c1")));
    }

    @Test
    void aRecordDeliveredTwiceIsAppliedOnce() {
        CloudEvent first = refill("c1", 2000, 2000, 0);
        CloudEvent second = deduct("c1", 500, 1500, 0);

        apply(first, first, second, first, second);

        assertThat(replay.duplicatesDropped()).isEqualTo(3);
        assertThat(replay.broken()).isEmpty();
        CustomerFigures figures = replay.customers().get("c1");
        assertThat(figures.balance()).isEqualTo(1500);
        assertThat(figures.entries()).isEqualTo(2);
    }

    @Test
    void aTamperedAmountIsReportedAtItsEntryAlone() {
        CloudEvent first = refill("c1", 2000, 2000, 0);
        CloudEvent tampered = changed(deduct("c1", 500, 1500, 0), data -> data.put("amount", 50));
        CloudEvent third = refill("c1", 100, 1600, 0);

        apply(first, tampered, third);

        assertThat(replay.broken()).extracting(BrokenEntry::entryId).containsOnly("e-2");
        assertThat(replay.broken()).extracting(BrokenEntry::why)
                .anyMatch(why -> why.startsWith("hash ") && why.contains("does not recompute"))
                .anyMatch(why -> why.startsWith("balanceAfter 1500, but the entries before it make 1950"));
        assertThat(replay.broken()).extracting(BrokenEntry::chain).containsOnly("customer:c1");
    }

    @Test
    void aRemovedMiddleEntryIsReportedAtTheEntryAfterTheGap() {
        CloudEvent first = refill("c1", 2000, 2000, 0);
        deduct("c1", 500, 1500, 0);
        CloudEvent third = refill("c1", 100, 1600, 0);

        apply(first, third);

        assertThat(replay.broken()).extracting(BrokenEntry::entryId).containsOnly("e-3");
        assertThat(replay.broken()).extracting(BrokenEntry::why)
                .anyMatch(why -> why.contains("is not the hash of the entry before it, " + hashOf(first)));
        assertThat(replay.customers().get("c1").entries()).isEqualTo(2);
    }

    @Test
    void aReorderedPairIsReportedAtBothEntries() {
        CloudEvent first = refill("c1", 2000, 2000, 0);
        CloudEvent second = deduct("c1", 500, 1500, 0);
        CloudEvent third = credits("c1", 0, 300, 1500, 700);

        apply(first, third, second);

        assertThat(replay.broken()).filteredOn(broken -> broken.why().startsWith("previousHash"))
                .extracting(BrokenEntry::entryId).containsExactly("e-3", "e-2");
    }

    @Test
    void aFirstEntryThatNamesAPreviousOneIsReported() {
        refill("c1", 2000, 2000, 0);
        CloudEvent second = deduct("c1", 500, 1500, 0);

        apply(second);

        assertThat(replay.broken()).extracting(BrokenEntry::entryId).containsOnly("e-2");
        assertThat(replay.broken()).extracting(BrokenEntry::why)
                .anyMatch(why -> why.endsWith("but no entry of its chain came before it"));
    }

    @Test
    void anIntactChainWithFiguresThatDoNotFollowIsReported() {
        apply(refill("c1", 2000, 2000, 0), credits("c1", 100, 300, 2000, 700), refill("c1", 100, 2200, 300),
                pool("p1", 5000, 10000, 300, 9700), pool("p1", 10000, 8000, 300, 7000));

        assertThat(replay.broken()).containsExactly(
                new BrokenEntry("customer:c1", "e-2", "creditsBefore 100, but the entries before it make 0"),
                new BrokenEntry("customer:c1", "e-3", "balanceAfter 2200, but the entries before it make 2100"),
                new BrokenEntry("platform:p1", "e-4", "totalBefore 5000, but the entries before it make 0"),
                new BrokenEntry("platform:p1", "e-5", "availableAfter 7000 is not totalAfter 8000 - allocated 300"));
    }

    @Test
    void anUnknownTypeIsSkippedCountedAndBreaksNothing() {
        CloudEvent unknown = CloudEventBuilder.v1().withId("ce-unknown").withSource(SOURCE)
                .withType("io.tally.ledger.BalanceFrozen.v1").withDataContentType("application/json")
                .withData("{\"customerId\":\"c1\",\"amount\":2000}".getBytes(StandardCharsets.UTF_8))
                .build();

        apply(refill("c1", 2000, 2000, 0), unknown, unknown, deduct("c1", 500, 1500, 0));

        assertThat(replay.skippedTypes()).isEqualTo(Map.of("io.tally.ledger.BalanceFrozen.v1", 1));
        assertThat(replay.duplicatesDropped()).isEqualTo(1);
        assertThat(replay.broken()).isEmpty();
        assertThat(replay.customers().get("c1").balance()).isEqualTo(1500);
    }

    @Test
    void anEntryWithoutAFieldTheContractRequiresIsReportedUnreadable() {
        CloudEvent noBalance = changed(refill("c1", 2000, 2000, 0), data -> data.remove("balanceAfter"));
        CloudEvent decimal = changed(refill("c2", 2000, 2000, 0), data -> data.put("amount", "20.00"));

        apply(noBalance, decimal);

        assertThat(replay.broken()).containsExactly(
                new BrokenEntry("customer:c1", "e-1", "unreadable: balanceAfter is missing or not an integer"),
                new BrokenEntry("customer:c2", "e-2", "unreadable: amount is missing or not an integer"));
        assertThat(replay.customers().values()).allMatch(figures -> figures.entries() == 0);
    }

    @Test
    void thePoolFollowsCreditsSetUpAndDown() {
        apply(pool("p1", 0, 10000, 0, 10000));
        assertThat(replay.platforms().get("p1"))
                .isEqualTo(new PlatformFigures("p1", "USD", 10000, 0, 10000, 1, "e-1", heads.get("platform:p1")));

        apply(credits("c1", 0, 3000, 0, 7000), credits("c2", 0, 2000, 0, 5000), credits("c9", "p2", 0, 400, 0, 0));
        assertPool("p1", 10000, 5000, 5000);

        apply(credits("c1", 3000, 1000, 0, 7000));
        assertPool("p1", 10000, 3000, 7000);

        apply(pool("p1", 10000, 12000, 3000, 9000));
        assertPool("p1", 12000, 3000, 9000);

        apply(pool("p1", 12000, 4000, 3000, 1000), credits("c2", 2000, 0, 0, 3000));
        assertPool("p1", 4000, 1000, 3000);
        assertThat(replay.platforms().get("p1").entries()).isEqualTo(3);
        assertThat(replay.platforms().get("p1").lastHash()).isEqualTo(heads.get("platform:p1"));
        assertThat(replay.platforms().get("p2"))
                .as("a platform met through its customers only").extracting(PlatformFigures::allocated,
                        PlatformFigures::total, PlatformFigures::entries, PlatformFigures::lastHash)
                .containsExactly(400L, 0L, 0L, null);
        assertThat(replay.broken()).isEmpty();
    }

    private void assertPool(String platform, long total, long allocated, long available) {
        PlatformFigures figures = replay.platforms().get(platform);
        assertThat(figures.total()).as("total").isEqualTo(total);
        assertThat(figures.allocated()).as("allocated").isEqualTo(allocated);
        assertThat(figures.available()).as("available").isEqualTo(available);
    }

    private void apply(CloudEvent... events) {
        for (CloudEvent event : events) {
            replay.apply(event);
        }
    }

    private CloudEvent refill(String customer, long amount, long balanceAfter, long creditsAfter) {
        return balanceEntry("BalanceRefilled", customer, amount, balanceAfter, creditsAfter);
    }

    private CloudEvent deduct(String customer, long amount, long balanceAfter, long creditsAfter) {
        return balanceEntry("BalanceDeducted", customer, amount, balanceAfter, creditsAfter);
    }

    private CloudEvent balanceEntry(String kind, String customer, long amount, long balanceAfter, long creditsAfter) {
        ObjectNode data = JSON.createObjectNode().put("customerId", customer).put("platformId", "p1")
                .put("amount", amount).put("balanceAfter", balanceAfter).put("creditsAfter", creditsAfter)
                .put("note", "réf. " + kind);
        return sealed(kind, "customer:" + customer, data);
    }

    private CloudEvent credits(String customer, long before, long after, long balanceAfter, long poolAvailableAfter) {
        return credits(customer, "p1", before, after, balanceAfter, poolAvailableAfter);
    }

    private CloudEvent credits(String customer, String platform, long before, long after, long balanceAfter,
                               long poolAvailableAfter) {
        ObjectNode data = JSON.createObjectNode().put("customerId", customer).put("platformId", platform)
                .put("creditsBefore", before).put("creditsAfter", after).put("balanceAfter", balanceAfter)
                .put("poolAvailableAfter", poolAvailableAfter);
        return sealed("CustomerCreditsSet", "customer:" + customer, data);
    }

    private CloudEvent pool(String platform, long totalBefore, long totalAfter, long allocated, long availableAfter) {
        ObjectNode data = JSON.createObjectNode().put("platformId", platform).put("totalBefore", totalBefore)
                .put("totalAfter", totalAfter).put("allocated", allocated).put("availableAfter", availableAfter);
        return sealed("PlatformCreditPoolSet", "platform:" + platform, data);
    }

    /** The next entry of {@code chain}, linked to the one made before it and hashed as the contract says. */
    private CloudEvent sealed(String kind, String chain, ObjectNode data) {
        sequence++;
        data.put("entryId", "e-" + sequence).put("currency", "USD").put("idempotencyKey", "key-" + sequence)
                .put("actor", "admin").put("occurredAt", "2025-03-01T10:00:00." + String.format("%06d", sequence) + "Z");
        String previous = heads.get(chain);
        if (previous != null) {
            data.put("previousHash", previous);
        }
        String hash = LedgerEntryHash.of(kind, data);
        data.put("hash", hash);
        heads.put(chain, hash);
        return event("ce-" + sequence, "io.tally.ledger." + kind + ".v1", data);
    }

    /** The same record, its data changed after it was sealed. */
    private static CloudEvent changed(CloudEvent event, Consumer<ObjectNode> change) {
        ObjectNode data = (ObjectNode) read(event);
        change.accept(data);
        return event(event.getId(), event.getType(), data);
    }

    private static CloudEvent event(String id, String type, ObjectNode data) {
        try {
            return CloudEventBuilder.v1().withId(id).withSource(SOURCE).withType(type)
                    .withDataContentType("application/json").withData(JSON.writeValueAsBytes(data)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashOf(CloudEvent event) {
        return read(event).path("hash").asText();
    }

    private static JsonNode read(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
