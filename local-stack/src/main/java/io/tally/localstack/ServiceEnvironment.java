package io.tally.localstack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The environment variables a service reads its local settings from (see its application.yml and service-support's
 * tally-defaults.yml). Every service listens on the {@link BindAddress}, with its API's port and its management port
 * (the actuator, the API document) alike; the services behind the gateway believe forwarding headers only from the
 * gateway's address, 127.0.0.1.
 */
final class ServiceEnvironment {

    /** Where the services' mails go, under the repository (the services' working directory). */
    static final String MAIL_DIRECTORY = ".local-stack/mail";

    private ServiceEnvironment() {
    }

    static Map<String, String> of(Service service, Ports ports, PostgresSettings postgres, URI jwksUrl,
                                  BindAddress bindAddress) {
        return of(service, 0, 1, ports, postgres, jwksUrl, bindAddress);
    }

    /**
     * Instance {@code index} of the service, of {@code instances} of each service behind the gateway: each instance
     * on ports of its own ({@link Ports#of(Service, int)}), the gateway told every instance's addresses.
     */
    static Map<String, String> of(Service service, int index, int instances, Ports ports, PostgresSettings postgres,
                                  URI jwksUrl, BindAddress bindAddress) {
        return service.equals(Services.GATEWAY) ? gateway(ports, instances, jwksUrl, bindAddress)
                : backend(service, index, ports, postgres, jwksUrl, bindAddress);
    }

    private static Map<String, String> backend(Service service, int index, Ports ports, PostgresSettings postgres,
                                               URI jwksUrl, BindAddress bindAddress) {
        Map<String, String> environment = new LinkedHashMap<>(listening(service, index, ports, bindAddress));
        environment.put("TALLY_TRUSTED_PROXIES", Ports.LOOPBACK);
        service.database().ifPresent(database -> {
            environment.put("TALLY_DB_URL", postgres.jdbcUrl(database));
            environment.put("TALLY_DB_USER", postgres.user());
            environment.put("TALLY_DB_PASSWORD", postgres.password());
        });
        environment.put("TALLY_KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrapServers());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // Mails (with their live verification links) go to files only the user may read, never to the log.
        environment.put("TALLY_MAIL_TRANSPORT", "file");
        environment.put("TALLY_MAIL_DIRECTORY", MAIL_DIRECTORY);
        environment.put("TALLY_PUBLIC_BASE_URL", "http://localhost:" + ports.of(Services.GATEWAY));
        environment.put("TALLY_JWKS_URL", jwksUrl.toString());
        return environment;
    }

    /**
     * No database: the gateway routes to the services, reads their API documents on their management ports, and
     * follows revocations on Kafka.
     */
    private static Map<String, String> gateway(Ports ports, int instances, URI jwksUrl, BindAddress bindAddress) {
        Map<String, String> environment = new LinkedHashMap<>(listening(Services.GATEWAY, 0, ports, bindAddress));
        environment.put("TALLY_CUSTOMER_SERVICE_URL", addresses(Services.CUSTOMER, instances, ports::of));
        environment.put("TALLY_LEDGER_SERVICE_URL", addresses(Services.LEDGER, instances, ports::of));
        environment.put("TALLY_AUTH_SERVICE_URL", addresses(Services.AUTH, instances, ports::of));
        environment.put("TALLY_CUSTOMER_MANAGEMENT_URL", addresses(Services.CUSTOMER, instances, ports::managementOf));
        environment.put("TALLY_LEDGER_MANAGEMENT_URL", addresses(Services.LEDGER, instances, ports::managementOf));
        environment.put("TALLY_AUTH_MANAGEMENT_URL", addresses(Services.AUTH, instances, ports::managementOf));
        environment.put("TALLY_JWKS_URL", jwksUrl.toString());
        environment.put("TALLY_KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrapServers());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return environment;
    }

    /**
     * What a service is told about the tokens beyond its defaults: while this launcher plays auth-service, its issuer
     * ({@link DevTokenIssuer}), to every service and to the gateway alike, all of which accept one issuer only; its
     * tokens carry the audience they all expect by default. With auth-service running, the defaults stand.
     */
    static Map<String, String> tokenIssuer(Service service, boolean launcherIssuesTokens) {
        return launcherIssuesTokens && !service.equals(Services.AUTH)
                ? Map.of("TALLY_TOKEN_ISSUER", DevTokenIssuer.ISSUER) : Map.of();
    }

    /** Its API's port and its management port, both on the bind address. */
    private static Map<String, String> listening(Service service, int index, Ports ports, BindAddress bindAddress) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(ports.of(service, index)));
        environment.put("SERVER_ADDRESS", bindAddress.address());
        environment.put("TALLY_MANAGEMENT_PORT", String.valueOf(ports.managementOf(service, index)));
        environment.put("MANAGEMENT_SERVER_ADDRESS", bindAddress.address());
        return environment;
    }

    /** Every instance's address on the port {@code port} gives it, in the instances' order, comma-separated. */
    private static String addresses(Service service, int instances, ToIntBiFunction<Service, Integer> port) {
        return IntStream.range(0, instances)
                .mapToObj(index -> "http://" + Ports.LOOPBACK + ":" + port.applyAsInt(service, index))
                .collect(Collectors.joining(","));
    }
}
