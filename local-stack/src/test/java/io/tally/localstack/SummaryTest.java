package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    private final PostgresSettings postgres = new PostgresSettings("127.0.0.1", "5432", "postgres", "");
    private final LaunchPlan onlyCustomers = new LaunchPlan(List.of(Services.CUSTOMER),
            List.of(Services.LEDGER, Services.AUTH, Services.GATEWAY));
    private final LaunchPlan everything = new LaunchPlan(Services.PLANNED, List.of());
    private final ProviderLogin provider = new ProviderLogin("provider@tally.local", "s3cret");
    private final URI jwks = JwksServer.uri(8099);

    @Test
    void leadsWithTheConsoleThenTheApiThroughTheGatewayItsDocsAndTheProviderLogin() {
        List<String> lines = Summary.lines(everything, new Ports(0), postgres, JwksServer.uri(8083), Optional.empty(),
                Optional.of(provider));

        assertThat(lines.subList(0, 5)).containsExactly(
                "Tally console            http://localhost:8080/",
                "Tally API                http://localhost:8080/api/v1",
                "API docs (Swagger UI)    http://localhost:8080/docs",
                "Provider login           provider@tally.local / s3cret",
                "export PROVIDER_TOKEN=$(curl -s -H 'Content-Type: application/json' "
                        + "http://localhost:8080/api/v1/auth/login "
                        + "-d '{\"username\":\"provider@tally.local\",\"password\":\"s3cret\"}'"
                        + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
    }

    @Test
    void listsEachServicesOwnAddressBelowAsSecondary() {
        List<String> lines = Summary.lines(everything, new Ports(300), postgres, JwksServer.uri(8383), Optional.empty(),
                Optional.of(provider));

        assertThat(lines.get(0)).isEqualTo("Tally console            http://localhost:8380/");
        assertThat(lines).containsSubsequence(
                "Behind the gateway, each service on its own port:",
                "customer-service         http://localhost:8381",
                "credit-ledger-service    http://localhost:8382",
                "auth-service             http://localhost:8383",
                "Kafka bootstrap          127.0.0.1:9392",
                "Token keys (JWKS)        http://127.0.0.1:8383/.well-known/jwks.json");
        assertThat(lines).filteredOn(line -> line.contains("curl")).allMatch(line -> line.contains(":8380/api/v1/"));
        assertThat(lines).noneMatch(line -> line.startsWith("api-gateway") || line.startsWith("Swagger UI"));
    }

    @Test
    void withoutTheGatewaySignsInAtAuthService() {
        LaunchPlan withoutGateway = new LaunchPlan(List.of(Services.CUSTOMER, Services.AUTH),
                List.of(Services.LEDGER, Services.GATEWAY));

        List<String> lines = Summary.lines(withoutGateway, new Ports(0), postgres, JwksServer.uri(8083),
                Optional.empty(), Optional.of(provider));

        assertThat(lines.get(0)).isEqualTo("Provider login           provider@tally.local / s3cret");
        assertThat(lines).contains("api-gateway              not built",
                        "Swagger UI               http://localhost:8081/swagger-ui.html")
                .anyMatch(line -> line.startsWith("export PROVIDER_TOKEN=$(curl") && line.contains(":8083/api/v1/auth/login"))
                .noneMatch(line -> line.startsWith("Tally") || line.startsWith("export TOKEN="));
    }

    @Test
    void withoutAuthServiceShowsDevelopmentTokensAndAFirstRequestToCustomerService() {
        List<String> lines = Summary.lines(onlyCustomers, new Ports(0), postgres, jwks,
                Optional.of(new DevTokens("admin.jwt", "provider.jwt")), Optional.empty());

        assertThat(lines).contains(
                "customer-service         http://localhost:8081",
                "credit-ledger-service    not built",
                "Kafka bootstrap          127.0.0.1:9092",
                "PostgreSQL               127.0.0.1:5432, databases customers, ledger, auth",
                "Token keys (JWKS)        http://127.0.0.1:8099/.well-known/jwks.json",
                "Swagger UI               http://localhost:8081/swagger-ui.html",
                "export TOKEN=admin.jwt",
                "export PROVIDER_TOKEN=provider.jwt",
                "curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/api/v1/customers");
    }

    @Test
    void saysWhyABuiltGatewayWasHeldBack() {
        LaunchPlan heldBack = new LaunchPlan(List.of(Services.CUSTOMER), List.of(Services.LEDGER, Services.AUTH),
                List.of(Services.GATEWAY));

        List<String> lines = Summary.lines(heldBack, new Ports(0), postgres, jwks,
                Optional.of(new DevTokens("admin.jwt", "provider.jwt")), Optional.empty());

        assertThat(lines).contains("api-gateway              needs auth-service, which is not built")
                .noneMatch(line -> line.startsWith("Tally"));
    }

    @Test
    void leavesOutWhatIsNotRunning() {
        LaunchPlan nothingBuilt = new LaunchPlan(List.of(), Services.PLANNED);

        List<String> lines = Summary.lines(nothingBuilt, new Ports(0), postgres, jwks, Optional.empty(),
                Optional.empty());

        assertThat(lines).containsSubsequence(
                "customer-service         not built",
                "credit-ledger-service    not built",
                "auth-service             not built",
                "api-gateway              not built",
                "Kafka bootstrap          127.0.0.1:9092",
                "Ctrl-C stops everything.");
        assertThat(lines).noneMatch(line -> line.contains("swagger") || line.contains("curl") || line.contains("TOKEN")
                || line.contains("Tally API") || line.contains("Tally console"));
    }
}
