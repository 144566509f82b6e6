package io.tally.service.kafka;

import io.tally.service.kafka.PublicationConfiguration.KafkaTopics;
import io.tally.service.kafka.PublicationConfiguration.TopicSettingsMismatch;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The topics on a real (in-process) broker: created kept forever, and checked as found. */
class KafkaTopicsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int PARTITIONS = 6;
    private static final String SEVEN_DAYS = "604800000";

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void createsMissingTopicsKeptForeverWithTheConfiguredPartitions() throws Exception {
        String customer = topicName();
        String ledger = topicName();

        KafkaTopics.keptForever(PARTITIONS, customer, ledger).createAndCheck(broker.getBrokersAsString(), Map.of());

        try (AdminClient admin = admin()) {
            for (String topic : List.of(customer, ledger)) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions()).hasSize(PARTITIONS);
                Config config = config(admin, topic);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
            }
        }
    }

    @Test
    void acceptsATopicThatIsAlreadyRight() throws Exception {
        String topic = topicName();
        create(new NewTopic(topic, PARTITIONS, (short) 1).configs(KafkaTopics.KEPT_FOREVER));

        KafkaTopics.keptForever(PARTITIONS, topic).createAndCheck(broker.getBrokersAsString(), Map.of());
    }

    @Test
    void refusesATopicThatKeepsItsRecordsSevenDays() throws Exception {
        String topic = topicName();
        create(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS)));

        assertThatThrownBy(() -> KafkaTopics.keptForever(PARTITIONS, topic).createAndCheck(broker.getBrokersAsString(), Map.of()))
                .isInstanceOf(TopicSettingsMismatch.class)
                .hasMessageContaining("topic " + topic + ": retention.ms is " + SEVEN_DAYS + ", expected -1")
                .message().doesNotContain("partitions is");
    }

    @Test
    void refusesATopicWithAnotherPartitionCount() throws Exception {
        String topic = topicName();
        create(new NewTopic(topic, 3, (short) 1).configs(KafkaTopics.KEPT_FOREVER));

        assertThatThrownBy(() -> KafkaTopics.keptForever(PARTITIONS, topic).createAndCheck(broker.getBrokersAsString(), Map.of()))
                .isInstanceOf(TopicSettingsMismatch.class)
                .hasMessageContaining("topic " + topic + ": partitions is 3, expected " + PARTITIONS)
                .message().doesNotContain("retention.ms is");
    }

    @Test
    void refusesACompactedTopicOrOneBoundedBySize() throws Exception {
        String topic = topicName();
        create(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "1073741824",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        assertThatThrownBy(() -> KafkaTopics.keptForever(PARTITIONS, topic).createAndCheck(broker.getBrokersAsString(), Map.of()))
                .isInstanceOf(TopicSettingsMismatch.class)
                .hasMessageContaining("topic " + topic + ": cleanup.policy is compact, expected delete")
                .hasMessageContaining("topic " + topic + ": retention.bytes is 1073741824, expected -1");
    }

    private static String topicName() {
        return "tally.test" + NAMES.incrementAndGet() + ".events";
    }

    private static void create(NewTopic topic) throws Exception {
        try (AdminClient admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Config config(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }
}
