package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortAvailabilityTest {

    @Test
    void namesTheTakenPortAndItsOwner() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThat(PortAvailability.firstTaken(List.of(new PortAvailability.Claim("Kafka", port))))
                    .hasValueSatisfying(problem -> {
                        assertThat(problem.what()).startsWith("Port " + port + " (Kafka) is already in use");
                        assertThat(problem.remedy()).contains("--port-offset");
                    });
        }
    }

    @Test
    void findsNothingWrongWithFreePorts() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(PortAvailability.firstTaken(List.of(new PortAvailability.Claim("Kafka", port)))).isEmpty();
    }
}
