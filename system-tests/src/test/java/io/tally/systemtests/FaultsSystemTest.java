package io.tally.systemtests;

import io.tally.systemtests.faults.FaultDrill;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.PostgresCluster;
import io.tally.systemtests.support.TallySystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of every service behind two gateways, with a broker and a PostgreSQL cluster of the test's own.
 * The fault drill, short: steady writes through both gateways while an instance of each kind is killed (SIGKILL),
 * the broker restarted, PostgreSQL restarted and stopped at once; afterwards nothing accepted is lost or applied
 * twice, the list equals the topic's replay, every chain and the pool law hold, every processor has caught up, and
 * each fault healed. bench/faults.sh runs the same drill longer and reports the healing times. And a session ended
 * through one gateway is refused by both.
 */
class FaultsSystemTest {

    private static TallySystem system;

    @BeforeAll
    static void startTwoOfEach() {
        assumeTrue(PostgresCluster.available(), "needs Debian's pg_createcluster and root, for a PostgreSQL of its own");
        system = TallySystem.start(TallySystem.Layout.faults());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyFaultHealsAndNothingAcceptedIsLostOrAppliedTwice() {
        FaultDrill.Outcome outcome = new FaultDrill(system, FaultDrill.Settings.brief(), System.out::println).run();
        System.out.print(outcome.report());

        assertThat(outcome.problems()).as(outcome.report()).isEmpty();
        assertThat(outcome.healings()).as("every fault of the drill").hasSize(7)
                .allSatisfy(healing -> assertThat(healing.listCaughtUp()).as(healing.fault()).isNotNull());
        assertThat(outcome.acceptedByKind()).as("writes of each kind were accepted")
                .containsOnlyKeys("credits", "refill", "sign-in", "tags")
                .allSatisfy((kind, accepted) -> assertThat(accepted).as(kind).isGreaterThan(10));
        assertThat(outcome.healings().stream().mapToInt(healing -> healing.refused() + healing.lost()).sum())
                .as("the faults were felt: some attempts were refused or lost and sent again").isPositive();
    }

    @Test
    void aSessionEndedThroughOneGatewayIsRefusedByBoth() {
        Console console = system.console();
        Platform platform = console.newPlatform("10.00");
        List<Api> gateways = system.gateways();
        String token = console.login(platform.adminEmail(), platform.adminPassword(), null);
        for (Api gateway : gateways) {
            assertThat(gateway.get("/api/v1/customers", token).status()).as("%s before", gateway.base()).isEqualTo(200);
        }

        Api.Response ended = gateways.get(1).post("/api/v1/auth/logout", token, null);
        assertThat(ended.status()).as("%s", ended).isEqualTo(204);

        for (Api gateway : gateways) {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(gateway.get("/api/v1/customers", token).status()).as("%s after", gateway.base())
                            .isEqualTo(401));
            assertThat(gateway.get("/api/v1/customers", token).code()).isEqualTo("session_ended");
        }
        String again = console.login(platform.adminEmail(), platform.adminPassword(), null);
        for (Api gateway : gateways) {
            assertThat(gateway.get("/api/v1/customers", again).status()).as("%s, signed in again", gateway.base())
                    .isEqualTo(200);
        }
    }
}
