package io.tally.systemtests.fuzz;

import io.tally.systemtests.fuzz.Call.Fault;
import io.tally.systemtests.fuzz.Wire.Exchange;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A property-based fuzz of every operation in the gateway's OpenAPI document, against a system of
 * its own. Each try sends one generated request ({@link Calls}) as the fuzz platform's admin, the
 * provider, a customer or nobody, and holds the answer to the rules every answer keeps: never a
 * 5xx; every 4xx an {@code application/problem+json} with a {@code code}; a request that is certainly
 * wrong is refused, and a 400 for a wrong body field names that field; no answer departs from the
 * document (statuses, headers, bodies; a request the document calls invalid must be refused). After
 * the run, nothing changed that the fuzz may not change: the canary platform's list, pool,
 * invitations, customers and billing details are byte for byte what they were, every ledger entry
 * of the fuzz platform's customers is one an accepted money write was answered with (and each such
 * answer's entry is there), the hash chains verify, and the customers' credits add up to the pool.
 *
 * <p>CI runs a fixed seed and a fixed number of tries. jqwik's mixed-in edge cases are off: the body of the
 * operation with the most fields would otherwise take a third of the tries; {@link Calls} makes the edge values
 * (empty, longest, out of range) itself, for every operation alike. A longer run, or another seed:
 * <pre>
 * flock /tmp/tally-mvn.lock ./mvnw -B -o -ntp verify -pl system-tests -Dtest=OpenApiFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtally.fuzz.tries=20000 -Dtally.fuzz.seed=random
 * </pre>
 * A failure names the seed and the sample; {@code -Dtally.fuzz.seed=<that seed>} replays it.
 */
class OpenApiFuzzTest {

    private static FuzzedSystem system;

    private Map<String, String> canaryBefore;
    private Map<String, Set<String>> entriesBefore;

    @BeforeContainer
    static void start() {
        system = FuzzedSystem.start();
    }

    @AfterContainer
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeProperty
    void takeState() {
        canaryBefore = system.canaryState();
        entriesBefore = system.fuzzEntries();
    }

    @Property(seed = "20261206", tries = 2000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzRun.class)
    void everyAnswerIsDocumentedNoneIsA5xxAndEveryRefusalIsAProblem(@ForAll("calls") Call call) {
        Exchange answer = system.send(call);
        Statistics.label("operation").collect(call.operation().id());
        Statistics.label("status").collect(answer.status());
        Statistics.label("fault").collect(call.fault().kind());

        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            wrong.add("a 5xx");
        }
        if (status >= 400 && status < 500) {
            if (!answer.isProblem()) {
                wrong.add("a 4xx that is not application/problem+json");
            } else if (answer.code() == null || answer.code().isBlank()) {
                wrong.add("a problem without a code");
            } else if (answer.json().path("status").asInt() != status) {
                wrong.add("a problem whose status is not the answer's");
            }
        }
        Fault fault = call.fault();
        if (fault.certain() && status < 400) {
            wrong.add("accepted although certainly wrong: " + fault);
        }
        if (fault.kind() == Fault.Kind.FIELD && status == 400 && !call.otherFaults()
                && !answer.fields().contains(fault.field())) {
            wrong.add("a 400 that does not name " + fault.field() + " among its fields " + answer.fields());
        }
        if (!answer.violations().isEmpty()) {
            wrong.add("departs from the API document");
        }
        assertThat(wrong).as("%s\n  %s", call, answer).isEmpty();
    }

    @AfterProperty
    void nothingChangedThatTheFuzzMayNotChange() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(system.canaryState()).as("the canary platform").isEqualTo(canaryBefore));

        Map<String, Set<String>> accepted = system.acceptedEntries();
        Map<String, Set<String>> entries = system.fuzzEntries();
        entries.forEach((customer, ids) -> {
            Set<String> allowed = new HashSet<>(entriesBefore.getOrDefault(customer, Set.of()));
            allowed.addAll(accepted.getOrDefault(customer, Set.of()));
            assertThat(allowed).as("ledger entries of %s that no accepted money write made", customer)
                    .containsAll(ids);
            assertThat(ids).as("entries accepted money writes of %s were answered with", customer)
                    .containsAll(accepted.getOrDefault(customer, Set.of()));
        });
        assertThat(system.brokenChains()).as("hash chains of the fuzz platform").isEmpty();
        system.awaitPoolConserved();
    }

    @Provide
    Arbitrary<Call> calls() {
        return system.calls();
    }
}
