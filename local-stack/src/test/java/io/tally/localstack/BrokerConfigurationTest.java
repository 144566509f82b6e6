package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigurationTest {

    private final Path root = Path.of("/work/tally");

    @Test
    void listensOnBothPortsShiftedByTheOffset() {
        BrokerConfiguration configuration = BrokerConfiguration.under(root, new Ports(100));

        assertThat(configuration.properties())
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9192")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9193");
    }

    @Test
    void keepsItsLogUnderTheRepositorysLocalStackDirectoryPerBrokerPort() {
        BrokerConfiguration configuration = BrokerConfiguration.under(root, new Ports(100));

        assertThat(configuration.properties())
                .containsEntry("log.dirs", "/work/tally/.local-stack/kafka/broker-9192/data");
        assertThat(configuration.propertiesFile()).isEqualTo(Path.of("/work/tally/.local-stack/kafka/broker-9192/server.properties"));
    }

    @Test
    void isOneCombinedNodeWithSingleReplicaInternalTopicsAndNoBrokerWideRetention() {
        BrokerConfiguration configuration = BrokerConfiguration.under(root, new Ports(0));

        assertThat(configuration.properties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("num.partitions", "6")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .doesNotContainKeys("log.retention.ms", "log.retention.hours", "controller.quorum.voters");
    }

    @Test
    void writesEveryPropertyAsOneLine() {
        BrokerConfiguration configuration = BrokerConfiguration.under(root, new Ports(0));

        assertThat(configuration.propertiesText().lines())
                .contains("node.id=1", "log.dirs=/work/tally/.local-stack/kafka/broker-9092/data")
                .hasSize(configuration.properties().size() + 1);
    }
}
