package io.tally.systemtests.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/** The system's Kafka broker: in this JVM ({@link #embedded()}) or a process of its own ({@link BrokerProcess}). */
interface Broker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();

    /** A KRaft broker in this JVM; topics are made by the services, never on first use. */
    static Broker embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new Broker() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public void close() {
                broker.destroy();
            }
        };
    }
}
