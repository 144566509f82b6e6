package io.tally.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single-node KRaft broker: one process that is broker and controller. Its files live in
 * .local-stack/kafka, one directory per broker port, so that stacks with different port offsets
 * do not fight over the same log directory.
 */
record BrokerConfiguration(Path directory, Ports ports) {

    static final Path KAFKA_DIRECTORY = Path.of(".local-stack", "kafka");
    static final int NODE_ID = 1;

    static BrokerConfiguration under(Path repositoryRoot, Ports ports) {
        return new BrokerConfiguration(
                repositoryRoot.toAbsolutePath().resolve(KAFKA_DIRECTORY).resolve("broker-" + ports.kafka()), ports);
    }

    Path logDirectory() {
        return directory.resolve("data");
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    boolean isFormatted() {
        return Files.exists(logDirectory().resolve("meta.properties"));
    }

    /**
     * No broker-wide retention: each topic sets its own (every Tally topic keeps its records forever). No initial
     * rebalance delay: a local consumer group has one member, with no one else to wait for.
     */
    Map<String, String> properties() {
        String controller = Ports.LOOPBACK + ":" + ports.kafkaController();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("listeners", "PLAINTEXT://" + ports.kafkaBootstrapServers() + ",CONTROLLER://" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://" + ports.kafkaBootstrapServers());
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("controller.quorum.bootstrap.servers", controller);
        properties.put("log.dirs", logDirectory().toString());
        properties.put("num.partitions", "6");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    String propertiesText() {
        StringBuilder text = new StringBuilder("# Written by local-stack at each start: edit BrokerConfiguration instead.\n");
        properties().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
