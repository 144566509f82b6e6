package io.tally.ledger;

import io.tally.ledger.support.LedgerApiTest;
import io.tally.service.axon.EventStoreConfiguration;
import io.tally.service.axon.InstanceNode;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.DatabaseCutter;
import io.tally.testsupport.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each tracking processor's two segments, shared by two instances of the service on one database: one each while both
 * live, every event handled once whichever instance took the write, and both taken by the instance that is left when
 * the other goes, whether it stops (its claims released at once) or is cut off from the database as a crashed instance
 * is (its claims lapse after {@link EventStoreConfiguration#CLAIM_TIMEOUT}). The processors watched read the event
 * store (the billing details, the publisher) and Kafka (the customers learnt from customer-service, which the refills
 * need).
 */
@TestPropertySource(properties = {"tally.processors.share-interval=PT1S", "tally.processors.claim-interval=PT1S"})
class SegmentsIntegrationTest extends LedgerApiTest {

    private static final List<String> PROCESSORS = List.of("billing-details", "kafka-publisher", "customer-intake");
    /** A lapsed claim, the other instance's next claim round, and room for a slow machine. */
    private static final Duration TAKEOVER = EventStoreConfiguration.CLAIM_TIMEOUT.plusSeconds(20);

    @Autowired
    private InstanceNode first;

    @Test
    void twoInstancesShareTheSegmentsAndTheOneLeftTakesThemAll() throws Exception {
        awaitOwners(Map.of(first.id(), 2L));
        try (DatabaseCutter cutter = DatabaseCutter.inFrontOfTheTestDatabase()) {
            SecondInstance second = start(cutter);
            String secondNode = second.bean(InstanceNode.class).id();
            awaitOwners(Map.of(first.id(), 1L, secondNode, 1L));

            List<String> customers = List.of(customer(), customer(), customer(), customer());
            refillOnBoth(customers, second.url(), 0);
            awaitBillingEntries(customers, 3);

            cutter.sever();
            awaitOwners(Map.of(first.id(), 2L));
            refillOnBoth(customers, api.baseUrl(), 3);
            awaitBillingEntries(customers, 6);
            second.close();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processor_instances", Long.class))
                .as("the stopped instance left; the cut-off one is forgotten within the hour").isBetween(1L, 2L);
    }

    @Test
    void anInstanceThatStopsHandsItsSegmentsOver() {
        awaitOwners(Map.of(first.id(), 2L));
        SecondInstance second = start(null);
        String secondNode = second.bean(InstanceNode.class).id();
        awaitOwners(Map.of(first.id(), 1L, secondNode, 1L));
        second.close();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(owners("billing-details"))
                .isEqualTo(Map.of(first.id(), 2L)));
        assertThat(jdbc.queryForList("SELECT node_id FROM processor_instances", String.class))
                .doesNotContain(secondNode);
    }

    private static SecondInstance start(DatabaseCutter cutter) {
        List<String> settings = new ArrayList<>(List.of("--tally.processors.share-interval=PT1S",
                "--tally.processors.claim-interval=PT1S"));
        if (cutter != null) {
            settings.add("--spring.datasource.url=" + cutter.jdbcUrl());
            settings.add("--spring.datasource.hikari.connection-timeout=1000");
        }
        return SecondInstance.start(CreditLedgerServiceApplication.class, settings.toArray(String[]::new));
    }

    /** Three refills of each customer, taking turns between this instance and the other. */
    private void refillOnBoth(List<String> customers, String otherUrl, int from) {
        List<String> instances = List.of(api.baseUrl(), otherUrl);
        for (int round = from; round < from + 3; round++) {
            for (int c = 0; c < customers.size(); c++) {
                Response answer = sendTo(instances.get((round + c) % 2), "POST",
                        "/api/v1/customers/" + customers.get(c) + "/balance/refills", admin,
                        "segments-" + UUID.randomUUID(), "{\"amount\":\"1.00\"}");
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            }
        }
    }

    /** Every customer's refills in its billing entries, each once, in its balance's order. */
    private void awaitBillingEntries(List<String> customers, int each) {
        await().atMost(TAKEOVER).untilAsserted(() -> {
            for (String customer : customers) {
                List<Long> sequences = jdbc.queryForList(
                        "SELECT sequence FROM billing_entries WHERE customer_id = ?::uuid AND type = 'REFILL' "
                                + "ORDER BY sequence", Long.class, customer);
                assertThat(sequences).as(customer).hasSize(each).doesNotHaveDuplicates();
            }
        });
    }

    private void awaitOwners(Map<String, Long> expected) {
        await().atMost(TAKEOVER).untilAsserted(() -> {
            for (String processor : PROCESSORS) {
                assertThat(owners(processor)).as(processor).isEqualTo(expected);
            }
        });
    }

    /** How many of the processor's segments each instance holds by a live claim. */
    private Map<String, Long> owners(String processor) {
        return jdbc.queryForList("""
                        SELECT owner FROM tokenentry
                         WHERE processorname = ? AND owner IS NOT NULL
                           AND timestamp::timestamptz > now() - make_interval(secs => ?)""", String.class,
                processor, EventStoreConfiguration.CLAIM_TIMEOUT.toSeconds())
                .stream().collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }
}
