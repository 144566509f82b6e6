package io.tally.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.ServiceProcess;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * credit-ledger-service is killed (SIGKILL, as a crash) while refills flow through the gateway,
 * and started again. Each client retries its refill with the same key until it is accepted:
 * afterwards every refill is in the billing details and in the list exactly once.
 */
class CrashSystemTest extends SystemTest {

    private static final int CLIENTS = 4;
    private static final int REFILLS_PER_CLIENT = 25;
    /** A request whose answer never reached the client. */
    private static final int LOST = 0;

    @Test
    void noAcceptedChangeIsLostOrAppliedTwiceAcrossACrash() throws Exception {
        Platform platform = console.newPlatform("70.00");
        List<String> customers = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String customer = console.createCustomer(platform, Console.uniqueEmail("crash" + client), "Crash " + client);
            assertThat(console.refill(platform, customer, "1.00", "crash-warm-" + client).status()).isEqualTo(200);
            customers.add(customer);
        }
        AtomicInteger accepted = new AtomicInteger();
        List<Integer> refusedStatuses = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, String> entryByKey = new ConcurrentHashMap<>();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String customer = customers.get(client);
            int number = client;
            running.add(clients.submit(() -> {
                for (int refill = 0; refill < REFILLS_PER_CLIENT; refill++) {
                    String key = "crash-" + number + "-" + refill;
                    Api.Response answer = untilAccepted(platform, customer, key, refusedStatuses);
                    entryByKey.put(key, answer.json().path("entryId").asText());
                    accepted.incrementAndGet();
                    Console.pause(20);
                }
            }));
        }

        ServiceProcess ledger = system.service("credit-ledger-service");
        while (accepted.get() < CLIENTS * REFILLS_PER_CLIENT / 4) {
            Console.pause(10);
        }
        ledger.kill();
        int acceptedAtCrash = accepted.get();
        Console.pause(1_000);
        ledger.start();
        ledger.awaitReady();
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        System.out.printf("crash after %d accepted refills; %d refused attempts meanwhile (statuses %s)%n",
                acceptedAtCrash, refusedStatuses.size(), new java.util.TreeSet<>(refusedStatuses));
        assertThat(acceptedAtCrash).isLessThan(CLIENTS * REFILLS_PER_CLIENT);
        assertThat(refusedStatuses).as("requests flowed while the ledger was down").isNotEmpty();
        assertThat(refusedStatuses.stream().filter(status -> status == LOST).count())
                .as("answers lost on the way: at most the requests in flight at the crash, one per client")
                .isLessThanOrEqualTo(CLIENTS);
        assertThat(refusedStatuses.stream().filter(status -> status != LOST))
                .as("every answer the gateway gave while the ledger was down").allSatisfy(
                        status -> assertThat(status).isIn(502, 503, 504));
        assertThat(entryByKey).hasSize(CLIENTS * REFILLS_PER_CLIENT);
        assertThat(new java.util.HashSet<>(entryByKey.values())).hasSize(CLIENTS * REFILLS_PER_CLIENT);

        String expected = new BigDecimal(1 + REFILLS_PER_CLIENT).setScale(2).toPlainString();
        for (String customer : customers) {
            Api.Response verification = api.get("/api/v1/customers/" + customer + "/ledger/verification",
                    platform.adminToken());
            assertThat(verification.json().path("ok").asBoolean()).as("%s", verification).isTrue();
            assertThat(verification.json().path("entries").asInt()).as("%s", verification).isEqualTo(1 + REFILLS_PER_CLIENT);
            JsonNode[] entries = MoneySystemTest.awaitEntries(api, platform, customer, 1 + REFILLS_PER_CLIENT);
            assertThat(entries).hasSize(1 + REFILLS_PER_CLIENT);
            assertThat(java.util.Arrays.stream(entries).map(entry -> entry.path("entryId").asText()).distinct().count())
                    .isEqualTo(1 + REFILLS_PER_CLIENT);
            assertThat(entries[0].path("balanceAfter").asText()).isEqualTo(expected);
            console.awaitCustomer(platform, customer, row -> expected.equals(row.path("balance").asText()));
        }
    }

    /** Sends the refill until the ledger accepts it, always with the same key, as a careful client does. */
    private static Api.Response untilAccepted(Platform platform, String customer, String key, List<Integer> refused) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Api.Response answer = console.refill(platform, customer, "1.00", key);
                if (answer.status() == 200) {
                    return answer;
                }
                refused.add(answer.status());
            } catch (UncheckedIOException lostAnswer) {
                // A request in flight when the ledger dies may lose its answer on the way (the gateway
                // cannot turn an answer it has begun to pass on into a 502); the client sends it again
                // with the same key, as a careful one would. Counted, and bounded afterwards.
                refused.add(LOST);
            }
            Console.pause(200);
        }
        throw new AssertionError("refill " + key + " was never accepted");
    }
}
