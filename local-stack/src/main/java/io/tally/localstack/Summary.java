package io.tally.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the stack offers once it is up: first the console and the API through the gateway and how
 * to sign in to them, then each service's own address, the infrastructure, and development tokens when there is
 * no auth-service.
 */
final class Summary {

    private static final String ROW = "%-24s %s";

    private Summary() {
    }

    static List<String> lines(LaunchPlan plan, Ports ports, PostgresSettings postgres, URI jwksUrl,
                              Optional<DevTokens> tokens, Optional<ProviderLogin> providerLogin) {
        List<String> lines = new ArrayList<>();
        Optional<String> api = plan.includes(Services.GATEWAY)
                ? Optional.of(address(Services.GATEWAY, ports)) : Optional.empty();
        api.ifPresent(gateway -> {
            lines.add(row("Tally console", gateway + "/"));
            lines.add(row("Tally API", gateway + "/api/v1"));
            lines.add(row("API docs (Swagger UI)", gateway + "/docs"));
        });
        providerLogin.ifPresent(login -> {
            lines.add(row("Provider login", login.username() + " / " + login.password()));
            lines.add("export PROVIDER_TOKEN=" + signIn(api.orElse(address(Services.AUTH, ports)),
                    login.username(), login.password()));
        });
        if (!lines.isEmpty()) {
            lines.add("");
        }
        if (api.isPresent()) {
            lines.add("Behind the gateway, each service on its own port:");
        }
        for (Service service : Services.PLANNED) {
            if (!(api.isPresent() && service.equals(Services.GATEWAY))) {
                lines.add(row(service.module(), plan.includes(service) ? address(service, ports)
                        : plan.whyNotStarted(service)));
            }
        }
        lines.add("");
        lines.add(row("Kafka bootstrap", ports.kafkaBootstrapServers()));
        lines.add(row("PostgreSQL", postgres.address() + ", databases " + String.join(", ", Services.databases())));
        lines.add(row("Token keys (JWKS)", jwksUrl));
        String customers = address(Services.CUSTOMER, ports);
        if (api.isEmpty() && plan.includes(Services.CUSTOMER)) {
            lines.add(row("Swagger UI", customers + "/swagger-ui.html"));
        }
        tokens.ifPresent(issued -> {
            lines.add("");
            lines.add("Development tokens, valid " + DevTokenIssuer.VALIDITY.toHours() + " h, signed by a key that dies with this launcher.");
            lines.add("# PLATFORM_ADMIN of platform " + DevTokenIssuer.DEV_PLATFORM + ":");
            lines.add("export TOKEN=" + issued.platformAdmin());
            lines.add("# PROVIDER:");
            lines.add("export PROVIDER_TOKEN=" + issued.provider());
            if (plan.includes(Services.CUSTOMER)) {
                lines.add("");
                lines.add("curl -H \"Authorization: Bearer $TOKEN\" " + customers + "/api/v1/customers");
            }
        });
        lines.add("");
        lines.add("Ctrl-C stops everything.");
        return lines;
    }

    /** A shell command substitution that signs in and answers the access token. */
    static String signIn(String baseUrl, String username, String password) {
        return "$(curl -s -H 'Content-Type: application/json' " + baseUrl + "/api/v1/auth/login -d '{\"username\":\""
                + username + "\",\"password\":\"" + password + "\"}'"
                + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')";
    }

    static String address(Service service, Ports ports) {
        return "http://localhost:" + ports.of(service);
    }

    static String row(String label, Object value) {
        return String.format(ROW, label, value);
    }
}
