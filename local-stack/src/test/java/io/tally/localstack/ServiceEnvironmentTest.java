package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

    private final PostgresSettings postgres = new PostgresSettings("db.local", "5433", "tally", "secret");
    private final URI jwks = URI.create("http://127.0.0.1:8199/.well-known/jwks.json");

    @Test
    void pointsTheCustomerServiceAtItsDatabaseKafkaAndTheTokenKeys() {
        Map<String, String> environment = ServiceEnvironment.of(Services.CUSTOMER, new Ports(0), postgres, jwks);

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SERVER_PORT", "8081"),
                Map.entry("TALLY_DB_URL", "jdbc:postgresql://db.local:5433/customers"),
                Map.entry("TALLY_DB_USER", "tally"),
                Map.entry("TALLY_DB_PASSWORD", "secret"),
                Map.entry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Map.entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                Map.entry("TALLY_MAIL_TRANSPORT", "log"),
                Map.entry("TALLY_PUBLIC_BASE_URL", "http://localhost:8080"),
                Map.entry("TALLY_JWKS_URL", "http://127.0.0.1:8199/.well-known/jwks.json")));
    }

    @Test
    void shiftsEveryPortByTheOffset() {
        Map<String, String> environment = ServiceEnvironment.of(Services.LEDGER, new Ports(100), postgres, jwks);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8182")
                .containsEntry("TALLY_DB_URL", "jdbc:postgresql://db.local:5433/ledger")
                .containsEntry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9192")
                .containsEntry("TALLY_PUBLIC_BASE_URL", "http://localhost:8180");
    }

    @Test
    void givesTheGatewayNoDatabase() {
        Map<String, String> environment = ServiceEnvironment.of(Services.GATEWAY, new Ports(0), postgres, jwks);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8080")
                .doesNotContainKeys("TALLY_DB_URL", "TALLY_DB_USER", "TALLY_DB_PASSWORD");
    }
}
