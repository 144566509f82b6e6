package io.tally.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/** Checks before starting anything that the stack's ports are free, as a stack left running would hold them. */
final class PortAvailability {

    record Claim(String owner, int port) {
    }

    private PortAvailability() {
    }

    static Optional<StartupProblem> firstTaken(List<Claim> claims) {
        return claims.stream()
                .filter(claim -> !isFree(claim.port()))
                .findFirst()
                .map(claim -> new StartupProblem(
                        "Port " + claim.port() + " (" + claim.owner() + ") is already in use: is another local stack still running?",
                        "Stop it (`pgrep -af kafka.Kafka` lists brokers), or shift every port with --port-offset N."));
    }

    /**
     * Binds the wildcard address, as the services do, which fails on a port taken on any interface.
     * Reusing the address, as the servers do, so that connections of a previous run in TIME_WAIT
     * do not count as taken.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
