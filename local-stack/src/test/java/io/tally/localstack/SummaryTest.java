package io.tally.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
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
    void leadsWithTheConsoleThenTheApiThroughTheGatewayItsDocsAndTheProviderLoginWithoutItsPassword() {
        List<String> lines = Summary.lines(everything, new Ports(0), postgres, JwksServer.uri(8083), Optional.empty(),
                Optional.of(provider));

        assertThat(lines.subList(0, 6)).containsExactly(
                "Tally console            http://localhost:8080/",
                "Tally API                http://localhost:8080/api/v1",
                "API docs (Swagger UI)    http://localhost:8080/docs",
                "Provider login           provider@tally.local (password in .local-stack/credentials)",
                "source .local-stack/credentials",
                "export PROVIDER_TOKEN=$(curl -s -H 'Content-Type: application/json' "
                        + "http://localhost:8080/api/v1/auth/login "
                        + "-d \"{\\\"username\\\":\\\"$PROVIDER_USERNAME\\\","
                        + "\\\"password\\\":\\\"$PROVIDER_PASSWORD\\\"}\""
                        + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        assertThat(lines).noneMatch(line -> line.contains("s3cret"));
    }

    @Test
    void namesEveryInstanceOfAServiceBehindTheGatewayButOneGateway() {
        List<String> lines = Summary.lines(everything, new Ports(0), 2, postgres, JwksServer.uri(8083),
                Optional.empty(), Optional.of(provider));

        assertThat(lines).contains(
                "customer-service         http://localhost:8081 and :8181",
                "auth-service             http://localhost:9083/actuator and :9183",
                "api-gateway              http://localhost:9080/actuator");
    }

    @Test
    void theSignInCommandSendsTheLoginOfTheCredentialsFileAsItIs(@TempDir Path root) throws Exception {
        ProviderLogin awkward = new ProviderLogin("o'neil @ $HOME", "pa  ss'$(id)`id`*!;#");
        CredentialsFile.under(root).write(awkward.credentials());

        List<String> printed = Summary.lines(everything, new Ports(0), postgres, JwksServer.uri(8083), Optional.empty(),
                Optional.of(awkward));

        assertThat(Bash.signInArguments(root, printed, "PROVIDER_TOKEN")).containsExactly("-s", "-H",
                "Content-Type: application/json", "http://localhost:8080/api/v1/auth/login", "-d",
                "{\"username\":\"o'neil @ $HOME\",\"password\":\"pa  ss'$(id)`id`*!;#\"}");
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
                "Each one's actuator (health, metrics) on its management port:",
                "customer-service         http://localhost:9381/actuator",
                "credit-ledger-service    http://localhost:9382/actuator",
                "auth-service             http://localhost:9383/actuator",
                "api-gateway              http://localhost:9380/actuator",
                "Kafka bootstrap          127.0.0.1:9392",
                "Token keys (JWKS)        http://127.0.0.1:8383/.well-known/jwks.json");
        assertThat(lines).filteredOn(line -> line.contains("curl")).allMatch(line -> line.contains(":8380/api/v1/"));
        assertThat(lines).noneMatch(line -> line.contains("localhost:8380 ") || line.startsWith("API document"));
    }

    @Test
    void withoutTheGatewaySignsInAtAuthService() {
        LaunchPlan withoutGateway = new LaunchPlan(List.of(Services.CUSTOMER, Services.AUTH),
                List.of(Services.LEDGER, Services.GATEWAY));

        List<String> lines = Summary.lines(withoutGateway, new Ports(0), postgres, JwksServer.uri(8083),
                Optional.empty(), Optional.of(provider));

        assertThat(lines.subList(0, 2)).containsExactly(
                "Provider login           provider@tally.local (password in .local-stack/credentials)",
                "source .local-stack/credentials");
        assertThat(lines).contains("api-gateway              not built",
                        "API document             http://localhost:9081/actuator/openapi")
                .anyMatch(line -> line.startsWith("export PROVIDER_TOKEN=$(curl") && line.contains(":8083/api/v1/auth/login"))
                .noneMatch(line -> line.startsWith("Tally") || line.startsWith("Development tokens")
                        || line.contains("s3cret"));
    }

    @Test
    void withoutAuthServiceSaysWhereTheDevelopmentTokensAreAndShowsAFirstRequestToCustomerService() {
        List<String> lines = Summary.lines(onlyCustomers, new Ports(0), postgres, jwks,
                Optional.of(new DevTokens("admin.jwt", "provider.jwt")), Optional.empty());

        assertThat(lines).contains(
                "customer-service         http://localhost:8081",
                "credit-ledger-service    not built",
                "Kafka bootstrap          127.0.0.1:9092",
                "PostgreSQL               127.0.0.1:5432, databases customers, ledger, auth",
                "Token keys (JWKS)        http://127.0.0.1:8099/.well-known/jwks.json",
                "customer-service         http://localhost:9081/actuator",
                "API document             http://localhost:9081/actuator/openapi",
                "Development tokens, valid 12 h, signed by a key that dies with this launcher, are in "
                        + ".local-stack/credentials:",
                "TOKEN (PLATFORM_ADMIN of platform 00000000-0000-0000-0000-000000000001) and PROVIDER_TOKEN "
                        + "(PROVIDER).",
                "source .local-stack/credentials",
                "curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/api/v1/customers");
        assertThat(lines).noneMatch(line -> line.contains("admin.jwt") || line.contains("provider.jwt"));
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
        assertThat(lines).noneMatch(line -> line.contains("actuator") || line.contains("curl") || line.contains("TOKEN")
                || line.contains("Tally API") || line.contains("Tally console"));
    }
}
