package io.tally.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * Starts a real Kafka broker (KRaft, in-process) for the test class and stops it afterwards.
 * Its address is announced through the system property {@value #BOOTSTRAP_PROPERTY} and
 * {@link #bootstrapServers()}. Topics are left to the code under test, which
 * creates its own at start-up, as in production.
 */
public class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String BOOTSTRAP_PROPERTY = "tally.kafka.bootstrap-servers";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private String bootstrapServers;

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        context.getStore(NAMESPACE).put(EmbeddedKafkaKraftBroker.class, broker);
        bootstrapServers = broker.getBrokersAsString();
        System.setProperty(BOOTSTRAP_PROPERTY, broker.getBrokersAsString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(BOOTSTRAP_PROPERTY);
        EmbeddedKafkaKraftBroker broker =
                context.getStore(NAMESPACE).remove(EmbeddedKafkaKraftBroker.class, EmbeddedKafkaKraftBroker.class);
        if (broker != null) {
            broker.destroy();
        }
    }

    /** The broker of the running test class, for an extension registered with {@code @RegisterExtension}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }
}
