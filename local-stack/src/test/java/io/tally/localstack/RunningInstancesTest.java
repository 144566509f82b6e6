package io.tally.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stopped instance leaves the stack running, on real child processes (sleep, and one that ends at once). */
class RunningInstancesTest {

    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    private final List<ChildProcess> children = new ArrayList<>();
    private final RunningInstances instances = new RunningInstances();

    @AfterEach
    void stopThem() {
        children.forEach(ChildProcess::kill);
    }

    @Test
    void anInstanceWhoseServiceHasAnotherRunningLeavesTheStackRunning() {
        ChildProcess first = running("ledger");
        ChildProcess second = ended("ledger-2");
        instances.add(Services.LEDGER, first);
        instances.add(Services.LEDGER, second);

        assertThat(instances.othersServe(second)).isTrue();
        assertThat(instances.newlyStopped(second)).containsExactly(second);
    }

    @Test
    void aServicesLastInstanceStopsTheStack() {
        ChildProcess only = ended("customer");
        instances.add(Services.CUSTOMER, only);

        assertThat(instances.othersServe(only)).isFalse();
    }

    @Test
    void somethingThatIsNoInstanceStopsTheStack() {
        instances.add(Services.AUTH, running("auth"));

        assertThat(instances.othersServe(ended("kafka"))).isFalse();
    }

    @Test
    void instancesThatStoppedTogetherAreEachReportedOnce() {
        ChildProcess ledger = ended("ledger-2");
        ChildProcess customers = ended("customer-2");
        instances.add(Services.LEDGER, running("ledger"));
        instances.add(Services.LEDGER, ledger);
        instances.add(Services.CUSTOMER, running("customer"));
        instances.add(Services.CUSTOMER, customers);

        assertThat(instances.newlyStopped(customers)).containsExactlyInAnyOrder(customers, ledger);
        assertThat(instances.newlyStopped(ledger)).as("the one that woke the launcher only").containsExactly(ledger);
    }

    private ChildProcess running(String name) {
        ChildProcess child = ChildProcess.start(spec(name, "sleep", "60"), console);
        children.add(child);
        return child;
    }

    private ChildProcess ended(String name) {
        ChildProcess child = ChildProcess.start(spec(name, "true"), console);
        children.add(child);
        child.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        return child;
    }

    private static ProcessSpec spec(String name, String... command) {
        return new ProcessSpec(name, name, Console.Colour.CYAN, List.of(command), Map.of(), Path.of("."));
    }
}
