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
        Map<String, String> environment = ServiceEnvironment.of(Services.CUSTOMER, new Ports(0), postgres, jwks, BindAddress.LOOPBACK);

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SERVER_PORT", "8081"),
                Map.entry("SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("TALLY_MANAGEMENT_PORT", "9081"),
                Map.entry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("TALLY_TRUSTED_PROXIES", "127.0.0.1"),
                Map.entry("TALLY_DB_URL", "jdbc:postgresql://db.local:5433/customers"),
                Map.entry("TALLY_DB_USER", "tally"),
                Map.entry("TALLY_DB_PASSWORD", "secret"),
                Map.entry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Map.entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                Map.entry("TALLY_MAIL_TRANSPORT", "file"),
                Map.entry("TALLY_MAIL_DIRECTORY", ".local-stack/mail"),
                Map.entry("TALLY_PUBLIC_BASE_URL", "http://localhost:8080"),
                Map.entry("TALLY_JWKS_URL", "http://127.0.0.1:8199/.well-known/jwks.json")));
    }

    @Test
    void aSecondInstanceListensAHundredPortsUpOnTheSameDatabase() {
        Map<String, String> environment = ServiceEnvironment.of(Services.CUSTOMER, 1, 2, new Ports(0), postgres, jwks,
                BindAddress.LOOPBACK);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8181")
                .containsEntry("TALLY_MANAGEMENT_PORT", "9181")
                .containsEntry("TALLY_DB_URL", "jdbc:postgresql://db.local:5433/customers")
                .containsEntry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    @Test
    void theGatewayIsToldEveryInstanceInOrder() {
        Map<String, String> environment = ServiceEnvironment.of(Services.GATEWAY, 0, 3, new Ports(100), postgres, jwks,
                BindAddress.LOOPBACK);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8180")
                .containsEntry("TALLY_LEDGER_SERVICE_URL",
                        "http://127.0.0.1:8182,http://127.0.0.1:8282,http://127.0.0.1:8382")
                .containsEntry("TALLY_LEDGER_MANAGEMENT_URL",
                        "http://127.0.0.1:9182,http://127.0.0.1:9282,http://127.0.0.1:9382")
                .containsEntry("TALLY_AUTH_SERVICE_URL",
                        "http://127.0.0.1:8183,http://127.0.0.1:8283,http://127.0.0.1:8383");
    }

    @Test
    void shiftsEveryPortByTheOffset() {
        Map<String, String> environment = ServiceEnvironment.of(Services.LEDGER, new Ports(100), postgres, jwks, BindAddress.LOOPBACK);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8182")
                .containsEntry("TALLY_MANAGEMENT_PORT", "9182")
                .containsEntry("TALLY_DB_URL", "jdbc:postgresql://db.local:5433/ledger")
                .containsEntry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9192")
                .containsEntry("TALLY_PUBLIC_BASE_URL", "http://localhost:8180");
    }

    @Test
    void pointsTheGatewayAtTheServicesTheirManagementPortsTheTokenKeysAndKafkaWithoutADatabase() {
        Map<String, String> environment = ServiceEnvironment.of(Services.GATEWAY, new Ports(0), postgres, jwks, BindAddress.LOOPBACK);

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SERVER_PORT", "8080"),
                Map.entry("SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("TALLY_MANAGEMENT_PORT", "9080"),
                Map.entry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("TALLY_CUSTOMER_SERVICE_URL", "http://127.0.0.1:8081"),
                Map.entry("TALLY_LEDGER_SERVICE_URL", "http://127.0.0.1:8082"),
                Map.entry("TALLY_AUTH_SERVICE_URL", "http://127.0.0.1:8083"),
                Map.entry("TALLY_CUSTOMER_MANAGEMENT_URL", "http://127.0.0.1:9081"),
                Map.entry("TALLY_LEDGER_MANAGEMENT_URL", "http://127.0.0.1:9082"),
                Map.entry("TALLY_AUTH_MANAGEMENT_URL", "http://127.0.0.1:9083"),
                Map.entry("TALLY_JWKS_URL", "http://127.0.0.1:8199/.well-known/jwks.json"),
                Map.entry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                Map.entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true")));
    }

    @Test
    void shiftsTheGatewaysPortAndEveryServiceAddressByTheOffset() {
        URI authJwks = JwksServer.uri(new Ports(300).of(Services.AUTH));

        Map<String, String> environment = ServiceEnvironment.of(Services.GATEWAY, new Ports(300), postgres, authJwks, BindAddress.LOOPBACK);

        assertThat(environment)
                .containsEntry("SERVER_PORT", "8380")
                .containsEntry("TALLY_MANAGEMENT_PORT", "9380")
                .containsEntry("TALLY_CUSTOMER_SERVICE_URL", "http://127.0.0.1:8381")
                .containsEntry("TALLY_AUTH_MANAGEMENT_URL", "http://127.0.0.1:9383")
                .containsEntry("TALLY_LEDGER_SERVICE_URL", "http://127.0.0.1:8382")
                .containsEntry("TALLY_AUTH_SERVICE_URL", "http://127.0.0.1:8383")
                .containsEntry("TALLY_JWKS_URL", "http://127.0.0.1:8383/.well-known/jwks.json")
                .containsEntry("TALLY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9392");
    }

    @Test
    void anOpenedBindAddressOpensEveryServiceButTheServicesStillTrustOnlyTheGatewaysAddress() {
        BindAddress open = new BindAddress("0.0.0.0");

        for (Service service : Services.PLANNED) {
            assertThat(ServiceEnvironment.of(service, new Ports(0), postgres, jwks, open))
                    .as(service.module()).containsEntry("SERVER_ADDRESS", "0.0.0.0")
                    .containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
        }
        assertThat(ServiceEnvironment.of(Services.AUTH, new Ports(0), postgres, jwks, open))
                .containsEntry("TALLY_TRUSTED_PROXIES", "127.0.0.1");
        assertThat(ServiceEnvironment.of(Services.GATEWAY, new Ports(0), postgres, jwks, open))
                .doesNotContainKey("TALLY_TRUSTED_PROXIES");
    }

    @Test
    void whileTheLauncherIssuesTheTokensEveryServiceAndTheGatewayExpectItsIssuer() {
        for (Service service : Services.PLANNED) {
            if (!service.equals(Services.AUTH)) {
                assertThat(ServiceEnvironment.tokenIssuer(service, true)).as(service.module())
                        .containsExactly(Map.entry("TALLY_TOKEN_ISSUER", DevTokenIssuer.ISSUER));
            }
        }
        assertThat(ServiceEnvironment.tokenIssuer(Services.GATEWAY, true))
                .containsEntry("TALLY_TOKEN_ISSUER", "tally-local-stack");
        // Its tokens carry the audience every service and the gateway expect unless told otherwise.
        assertThat(DevTokenIssuer.AUDIENCE).isEqualTo("tally-api");
    }

    @Test
    void withAuthServiceRunningEveryServiceKeepsTheDefaultIssuer() {
        for (Service service : Services.PLANNED) {
            assertThat(ServiceEnvironment.tokenIssuer(service, false)).as(service.module()).isEmpty();
        }
        assertThat(ServiceEnvironment.tokenIssuer(Services.AUTH, true)).isEmpty();
    }

    @Test
    void everyServicesActuatorIsOnAPortOfItsOwnOnTheLoopbackInterface() {
        for (Service service : Services.PLANNED) {
            Map<String, String> environment = ServiceEnvironment.of(service, new Ports(0), postgres, jwks,
                    BindAddress.LOOPBACK);
            assertThat(environment).as(service.module())
                    .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                    .containsEntry("TALLY_MANAGEMENT_PORT", String.valueOf(service.baseManagementPort()));
            assertThat(environment.get("TALLY_MANAGEMENT_PORT")).as(service.module())
                    .isNotEqualTo(environment.get("SERVER_PORT"));
        }
    }
}
