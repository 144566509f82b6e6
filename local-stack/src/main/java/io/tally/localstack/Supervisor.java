package io.tally.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Owns every child process. However the launcher's JVM ends (Ctrl-C, SIGTERM, a failure, an
 * uncaught error), its shutdown hook stops the services first, then the broker, then anything
 * else still descending from this process, so that nothing outlives the launcher.
 */
final class Supervisor {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Console console;
    private final List<ChildProcess> infrastructure = new ArrayList<>();
    private final List<ChildProcess> services = new ArrayList<>();
    private boolean stopping;
    private int exitStatus;

    Supervisor(Console console) {
        this.console = console;
    }

    void stopEverythingOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverythingAndHalt, "local-stack-shutdown"));
    }

    synchronized ChildProcess startInfrastructure(ProcessSpec spec) {
        return started(spec, infrastructure);
    }

    synchronized ChildProcess startService(ProcessSpec spec) {
        return started(spec, services);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** The first child to end; while the stack runs, none should. */
    ChildProcess awaitFirstExit() {
        List<CompletableFuture<ChildProcess>> exits;
        synchronized (this) {
            exits = new ArrayList<>();
            infrastructure.stream().filter(ChildProcess::isAlive).forEach(child -> exits.add(child.onExit()));
            services.stream().filter(ChildProcess::isAlive).forEach(child -> exits.add(child.onExit()));
        }
        return (ChildProcess) CompletableFuture.anyOf(exits.toArray(CompletableFuture<?>[]::new)).join();
    }

    /**
     * Exits the JVM, which runs the shutdown hook. A status asked for once stopping has begun is
     * ignored: the children then ended because they were told to, which is a clean exit.
     */
    void exit(int status) {
        synchronized (this) {
            if (!stopping) {
                exitStatus = status;
            }
        }
        System.exit(status);
    }

    private void stopEverything() {
        List<ChildProcess> servicesToStop;
        List<ChildProcess> infrastructureToStop;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            servicesToStop = List.copyOf(services);
            infrastructureToStop = List.copyOf(infrastructure);
        }
        stopTogether(servicesToStop);
        stopTogether(infrastructureToStop);
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** A shutdown hook cannot choose the JVM's exit status; halting with it can. */
    private void stopEverythingAndHalt() {
        stopEverything();
        int status;
        synchronized (this) {
            status = exitStatus;
        }
        console.flush();
        Runtime.getRuntime().halt(status);
    }

    private ChildProcess started(ProcessSpec spec, List<ChildProcess> group) {
        if (stopping) {
            throw new LaunchFailure("Not starting " + spec.name() + ": the stack is stopping");
        }
        ChildProcess child = ChildProcess.start(spec, console);
        group.add(child);
        return child;
    }

    private void stopTogether(List<ChildProcess> children) {
        List<ChildProcess> running = children.stream().filter(ChildProcess::isAlive).toList();
        if (running.isEmpty()) {
            return;
        }
        console.say("stopping " + running.stream().map(ChildProcess::name).collect(Collectors.joining(", ")) + "…");
        running.forEach(ChildProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ChildProcess child : running) {
            if (!child.awaitExit(Duration.between(Instant.now(), deadline))) {
                console.say(child.name() + " did not stop within " + STOP_GRACE.toSeconds() + " s: killing it");
                if (!child.kill()) {
                    console.say(child.name() + " survived being killed");
                }
            }
        }
        console.say("stopped " + running.stream().map(ChildProcess::name).collect(Collectors.joining(", ")));
    }
}
