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
    private final URI jwks = JwksServer.uri(8099);

    @Test
    void showsWhereEverythingIsTheTokensAndAFirstRequest() {
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
    void withAuthServiceShowsTheProviderLoginInsteadOfDevelopmentTokens() {
        LaunchPlan withAuth = new LaunchPlan(List.of(Services.CUSTOMER, Services.AUTH),
                List.of(Services.LEDGER, Services.GATEWAY));

        List<String> lines = Summary.lines(withAuth, new Ports(0), postgres, JwksServer.uri(8083), Optional.empty(),
                Optional.of(new ProviderLogin("provider@tally.local", "s3cret")));

        assertThat(lines).contains("Provider login           provider@tally.local / s3cret")
                .anyMatch(line -> line.startsWith("export PROVIDER_TOKEN=$(curl") && line.contains(":8083/api/v1/auth/login"))
                .noneMatch(line -> line.startsWith("export TOKEN="));
    }

    @Test
    void leavesOutWhatIsNotRunning() {
        LaunchPlan nothingBuilt = new LaunchPlan(List.of(), Services.PLANNED);

        List<String> lines = Summary.lines(nothingBuilt, new Ports(0), postgres, jwks, Optional.empty(),
                Optional.empty());

        assertThat(lines).noneMatch(line -> line.contains("swagger") || line.contains("curl") || line.contains("TOKEN"));
    }
}
