package io.tally.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the stack offers once it is up: first the console and the API through the gateway and how
 * to sign in to them, then each service's own address and its actuator's, the infrastructure, and development tokens
 * when there is no auth-service. It names passwords and tokens by their lines in the {@link CredentialsFile} and
 * never shows them.
 */
final class Summary {

    private static final String ROW = "%-24s %s";

    private Summary() {
    }

    static List<String> lines(LaunchPlan plan, Ports ports, PostgresSettings postgres, URI jwksUrl,
                              Optional<DevTokens> tokens, Optional<ProviderLogin> providerLogin) {
        return lines(plan, ports, 1, postgres, jwksUrl, tokens, providerLogin);
    }

    /** With {@code instances} of each service behind the gateway, each service's line names every instance's. */
    static List<String> lines(LaunchPlan plan, Ports ports, int instances, PostgresSettings postgres, URI jwksUrl,
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
            lines.add(row("Provider login", passwordInFile(login.username())));
            lines.add(CredentialsFile.SOURCE);
            lines.add("export PROVIDER_TOKEN=" + signIn(api.orElse(address(Services.AUTH, ports)),
                    ProviderLogin.USERNAME_VARIABLE, ProviderLogin.PASSWORD_VARIABLE));
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
                        + others(service, ports, instances, ports::of) : plan.whyNotStarted(service)));
            }
        }
        List<Service> running = Services.PLANNED.stream().filter(plan::includes).toList();
        if (!running.isEmpty()) {
            lines.add("");
            lines.add("Each one's actuator (health, metrics) on its management port:");
            running.forEach(service -> lines.add(row(service.module(), actuator(service, ports)
                    + others(service, ports, instances, ports::managementOf))));
        }
        lines.add("");
        lines.add(row("Kafka bootstrap", ports.kafkaBootstrapServers()));
        lines.add(row("PostgreSQL", postgres.address() + ", databases " + String.join(", ", Services.databases())));
        lines.add(row("Token keys (JWKS)", jwksUrl));
        String customers = address(Services.CUSTOMER, ports);
        if (api.isEmpty() && plan.includes(Services.CUSTOMER)) {
            lines.add(row("API document", actuator(Services.CUSTOMER, ports) + "/openapi"));
        }
        if (tokens.isPresent()) {
            lines.add("");
            lines.add("Development tokens, valid " + DevTokenIssuer.VALIDITY.toHours()
                    + " h, signed by a key that dies with this launcher, are in " + CredentialsFile.PATH + ":");
            lines.add(DevTokens.PLATFORM_ADMIN_VARIABLE + " (PLATFORM_ADMIN of platform " + DevTokenIssuer.DEV_PLATFORM
                    + ") and " + DevTokens.PROVIDER_VARIABLE + " (PROVIDER).");
            lines.add(CredentialsFile.SOURCE);
            if (plan.includes(Services.CUSTOMER)) {
                lines.add("curl -H \"Authorization: Bearer $" + DevTokens.PLATFORM_ADMIN_VARIABLE + "\" " + customers
                        + "/api/v1/customers");
            }
        }
        lines.add("");
        lines.add("Ctrl-C stops everything.");
        return lines;
    }

    /** The label's value for a login whose password is in the credentials file: the username may be shown. */
    static String passwordInFile(String username) {
        return username + " (password in " + CredentialsFile.PATH + ")";
    }

    /**
     * A shell command substitution that signs in with the login in these shell variables (from the credentials
     * file) and answers the access token. The JSON is in double quotes, so that the variables expand there and
     * nothing else does: no word splitting, globbing or further expansion of what they hold.
     */
    static String signIn(String baseUrl, String usernameVariable, String passwordVariable) {
        return "$(curl -s -H 'Content-Type: application/json' " + baseUrl + "/api/v1/auth/login"
                + " -d \"{\\\"username\\\":\\\"$" + usernameVariable
                + "\\\",\\\"password\\\":\\\"$" + passwordVariable + "\\\"}\""
                + " | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')";
    }

    /** The other instances' ports of a service behind the gateway: " and :8181, :8281"; nothing for one. */
    private static String others(Service service, Ports ports, int instances, ToIntBiFunction<Service, Integer> port) {
        if (instances == 1 || service.equals(Services.GATEWAY)) {
            return "";
        }
        return IntStream.range(1, instances).mapToObj(index -> ":" + port.applyAsInt(service, index))
                .collect(Collectors.joining(", ", " and ", ""));
    }

    static String address(Service service, Ports ports) {
        return "http://localhost:" + ports.of(service);
    }

    static String actuator(Service service, Ports ports) {
        return "http://localhost:" + ports.managementOf(service) + "/actuator";
    }

    static String row(String label, Object value) {
        return String.format(ROW, label, value);
    }
}
