package io.tally.localstack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every instance of each service behind the gateway, as started, and which of them stopped: with several instances
 * of each service (--instances), one that stops leaves the stack running while another instance of its service still
 * runs, since the gateway moves its requests to that one. Anything else that stops (the broker, the gateway, a
 * service's last instance) stops the stack.
 */
final class RunningInstances {

    private final Map<Service, List<ChildProcess>> started = new ConcurrentHashMap<>();
    private final Set<ChildProcess> gone = new HashSet<>();

    void add(Service service, ChildProcess instance) {
        started.computeIfAbsent(service, unused -> new CopyOnWriteArrayList<>()).add(instance);
    }

    /**
     * The process whose exit woke the launcher, and every other instance that stopped meanwhile and was not yet
     * reported (those no longer waited for): each to be reported once.
     */
    synchronized List<ChildProcess> newlyStopped(ChildProcess woke) {
        List<ChildProcess> stopped = new ArrayList<>(List.of(woke));
        started.values().forEach(instances -> instances.stream()
                .filter(instance -> !instance.isAlive() && !stopped.contains(instance) && !gone.contains(instance))
                .forEach(stopped::add));
        gone.addAll(stopped);
        return stopped;
    }

    /** Whether another instance of the stopped process's service still runs. */
    boolean othersServe(ChildProcess stopped) {
        return started.values().stream()
                .filter(instances -> instances.contains(stopped))
                .anyMatch(instances -> instances.stream().anyMatch(ChildProcess::isAlive));
    }
}
