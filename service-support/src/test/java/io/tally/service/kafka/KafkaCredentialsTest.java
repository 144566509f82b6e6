package io.tally.service.kafka;

import io.tally.service.config.TallyDefaults;
import io.tally.tokens.KafkaClientSecurity;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables a deployment gives a service for a broker that asks for credentials reach every Kafka
 * client of the service: Axon's producer and consumers, as the topics' admin client and the revocation feed.
 */
class KafkaCredentialsTest {

    @Test
    void theEnvironmentVariablesReachTheClientProperties() {
        KafkaClientSecurity security = fromEnvironment(Map.of(
                "TALLY_KAFKA_SASL_USERNAME", "credit-ledger-service",
                "TALLY_KAFKA_SASL_PASSWORD", "ledger-password",
                "TALLY_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
                "TALLY_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
        assertThat(security.clientProperties().get("sasl.jaas.config"))
                .contains("username=\"credit-ledger-service\"", "password=\"ledger-password\"");
    }

    @Test
    void axonsProducerAndConsumersTakeTheCredentials() {
        StandardEnvironment environment = environment(Map.of(
                "TALLY_KAFKA_SASL_USERNAME", "customer-service", "TALLY_KAFKA_SASL_PASSWORD", "s3cret"));
        BeanPostProcessor credentials = PublicationConfiguration.kafkaClientCredentials(environment);
        KafkaProperties axonKafka = new KafkaProperties();

        credentials.postProcessAfterInitialization(axonKafka, "axonKafkaProperties");

        Map<String, String> expected = KafkaClientSecurity.from(environment).clientProperties();
        assertThat(axonKafka.buildProducerProperties()).containsAllEntriesOf(expected);
        assertThat(axonKafka.buildConsumerProperties()).containsAllEntriesOf(expected);
    }

    @Test
    void withoutCredentialsAxonsClientsStayAsTheyWere() {
        BeanPostProcessor credentials = PublicationConfiguration.kafkaClientCredentials(environment(Map.of()));
        KafkaProperties axonKafka = new KafkaProperties();

        credentials.postProcessAfterInitialization(axonKafka, "axonKafkaProperties");

        assertThat(axonKafka.buildProducerProperties()).doesNotContainKeys("security.protocol", "sasl.jaas.config");
        assertThat(axonKafka.buildConsumerProperties()).doesNotContainKeys("security.protocol", "sasl.jaas.config");
    }

    private static KafkaClientSecurity fromEnvironment(Map<String, Object> variables) {
        return KafkaClientSecurity.from(environment(variables));
    }

    /** The service's environment: these variables, and the shared defaults that read them. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
