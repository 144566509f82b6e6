package io.tally.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the stack offers once it is up: addresses, databases, tokens and a first request to try. */
final class Summary {

    private static final String ROW = "%-24s %s";

    private Summary() {
    }

    static List<String> lines(LaunchPlan plan, Ports ports, PostgresSettings postgres, URI jwksUrl,
                              Optional<DevTokens> tokens, Optional<ProviderLogin> providerLogin) {
        List<String> lines = new ArrayList<>();
        for (Service service : Services.PLANNED) {
            lines.add(String.format(ROW, service.module(),
                    plan.includes(service) ? "http://localhost:" + ports.of(service) : "not built"));
        }
        lines.add("");
        lines.add(String.format(ROW, "Kafka bootstrap", ports.kafkaBootstrapServers()));
        lines.add(String.format(ROW, "PostgreSQL", postgres.address() + ", databases " + String.join(", ", Services.databases())));
        lines.add(String.format(ROW, "Token keys (JWKS)", jwksUrl));
        String customers = "http://localhost:" + ports.of(Services.CUSTOMER);
        if (plan.includes(Services.CUSTOMER)) {
            lines.add(String.format(ROW, "Swagger UI", customers + "/swagger-ui.html"));
        }
        tokens.ifPresent(issued -> {
            lines.add("");
            lines.add("Development tokens, valid " + DevTokenIssuer.VALIDITY.toHours() + " h, signed by a key that dies with this launcher.");
            lines.add("# PLATFORM_ADMIN of platform " + DevTokenIssuer.DEV_PLATFORM + ":");
            lines.add("export TOKEN=" + issued.platformAdmin());
            lines.add("# PROVIDER:");
            lines.add("export PROVIDER_TOKEN=" + issued.provider());
        });
        providerLogin.ifPresent(login -> {
            lines.add("");
            lines.add(String.format(ROW, "Provider login", login.username() + " / " + login.password()));
            lines.add("export PROVIDER_TOKEN=$(curl -s -H 'Content-Type: application/json' "
                    + "http://localhost:" + ports.of(Services.AUTH) + "/api/v1/auth/login -d '{\"username\":\""
                    + login.username() + "\",\"password\":\"" + login.password() + "\"}'"
                    + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        });
        if (plan.includes(Services.CUSTOMER) && tokens.isPresent()) {
            lines.add("");
            lines.add("curl -H \"Authorization: Bearer $TOKEN\" " + customers + "/api/v1/customers");
        }
        lines.add("");
        lines.add("Ctrl-C stops everything.");
        return lines;
    }
}
