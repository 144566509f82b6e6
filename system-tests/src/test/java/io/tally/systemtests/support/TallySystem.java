package io.tally.systemtests.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tally.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole of Tally for the system tests, started once for all of them: a real Kafka broker,
 * three fresh databases on the local PostgreSQL, an SMTP server that keeps the mails, the three
 * services and the api-gateway as processes of their own. Tests talk to the gateway only.
 */
public final class TallySystem implements ExtensionContext.Store.CloseableResource {

    public static final String PROVIDER_USERNAME = "provider@system-tests.tally.local";
    public static final String PROVIDER_PASSWORD = "system-tests-" + UUID.randomUUID();

    private final EmbeddedKafkaKraftBroker kafka;
    private final GreenMail mail;
    private final PostgresServer postgres;
    private final List<String> databases;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Api api;
    private final ApiContract contract;

    private TallySystem() {
        Path root = Path.of(System.getProperty("tally.repository-root", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("tally.version", "0.1.0-SNAPSHOT");
        File logs = root.resolve("system-tests/target/system-tests").toFile();
        if (!logs.isDirectory() && !logs.mkdirs()) {
            throw new IllegalStateException("Cannot create " + logs);
        }

        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();

        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();

        postgres = PostgresServer.fromSettings("jdbc:postgresql://127.0.0.1:5432/postgres");
        String prefix = "tally_system_" + UUID.randomUUID().toString().substring(0, 8);
        databases = List.of(prefix + "_customers", prefix + "_ledger", prefix + "_auth");
        databases.forEach(this::createDatabase);

        int customerPort = freePort();
        int ledgerPort = freePort();
        int authPort = freePort();
        int gatewayPort = freePort();
        int customerManagementPort = freePort();
        int ledgerManagementPort = freePort();
        int authManagementPort = freePort();
        int gatewayManagementPort = freePort();
        String gateway = "http://127.0.0.1:" + gatewayPort;
        String jwks = "http://127.0.0.1:" + authPort + "/.well-known/jwks.json";

        Map<String, String> customer = common(customerPort, customerManagementPort, databases.get(0));
        customer.put("TALLY_JWKS_URL", jwks);
        customer.put("TALLY_PUBLIC_BASE_URL", gateway);
        customer.put("TALLY_MAIL_TRANSPORT", "smtp");
        customer.put("TALLY_SMTP_HOST", "127.0.0.1");
        customer.put("TALLY_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        Map<String, String> ledger = common(ledgerPort, ledgerManagementPort, databases.get(1));
        ledger.put("TALLY_JWKS_URL", jwks);
        Map<String, String> auth = common(authPort, authManagementPort, databases.get(2));
        // Sign-in failures count against the caller the gateway names, the gateway being the one trusted proxy.
        auth.put("TALLY_TRUSTED_PROXIES", "127.0.0.1");
        auth.put("TALLY_PROVIDER_USERNAME", PROVIDER_USERNAME);
        auth.put("TALLY_PROVIDER_PASSWORD", PROVIDER_PASSWORD);
        auth.put("TALLY_PUBLIC_BASE_URL", gateway);
        Map<String, String> gatewayEnvironment = common(gatewayPort, gatewayManagementPort, null);
        gatewayEnvironment.put("TALLY_CUSTOMER_SERVICE_URL", "http://127.0.0.1:" + customerPort);
        gatewayEnvironment.put("TALLY_LEDGER_SERVICE_URL", "http://127.0.0.1:" + ledgerPort);
        gatewayEnvironment.put("TALLY_AUTH_SERVICE_URL", "http://127.0.0.1:" + authPort);
        // The services' API documents, which the gateway assembles into its own, are on their management ports.
        gatewayEnvironment.put("TALLY_CUSTOMER_MANAGEMENT_URL", "http://127.0.0.1:" + customerManagementPort);
        gatewayEnvironment.put("TALLY_LEDGER_MANAGEMENT_URL", "http://127.0.0.1:" + ledgerManagementPort);
        gatewayEnvironment.put("TALLY_AUTH_MANAGEMENT_URL", "http://127.0.0.1:" + authManagementPort);
        gatewayEnvironment.put("TALLY_JWKS_URL", jwks);
        // The tests come from one address and, often, one admin: the limits are the gateway's own tests' business.
        gatewayEnvironment.put("TALLY_RATE_LIMIT_ADDRESS_PER_SECOND", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_ADDRESS_BURST", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_SUBJECT_PER_SECOND", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_SUBJECT_BURST", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_OWN_PER_SECOND", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_OWN_BURST", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_REFUSED_TOKENS_PER_SECOND", "10000");
        gatewayEnvironment.put("TALLY_RATE_LIMIT_REFUSED_TOKENS_BURST", "10000");

        add(root, version, logs, "customer-service", customerPort, customerManagementPort, customer);
        add(root, version, logs, "credit-ledger-service", ledgerPort, ledgerManagementPort, ledger);
        add(root, version, logs, "auth-service", authPort, authManagementPort, auth);
        add(root, version, logs, "api-gateway", gatewayPort, gatewayManagementPort, gatewayEnvironment);
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(ServiceProcess::awaitReady);
        contract = contract(new Api(java.net.URI.create(gateway)));
        api = new Api(java.net.URI.create(gateway), contract);
    }

    /** The gateway's whole API document, which every exchange of the tests is then held against. */
    private static ApiContract contract(Api unchecked) {
        Api.Response document = unchecked.get("/docs/openapi.json", null);
        if (document.status() != 200 || document.json().path("info").has("x-missing-services")) {
            throw new IllegalStateException("The gateway has no whole API document: " + document);
        }
        return ApiContract.of(document.body());
    }

    /**
     * A system of its own: the Jupiter tests share one through {@link TallySystemExtension}; a test of another
     * engine on the JUnit Platform (the jqwik fuzz) starts its own here and closes it when done.
     */
    public static TallySystem start() {
        return new TallySystem();
    }

    public Api api() {
        return api;
    }

    /** The console's steps against this system, for a test that has no {@link SystemTest} to give it them. */
    public Console console() {
        return new Console(this);
    }

    /** The gateway's API document, as the system serves it. */
    public ApiContract contract() {
        return contract;
    }

    public GreenMail mail() {
        return mail;
    }

    /** The broker's address, for a test that reads the topics as an outside consumer would. */
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return service;
    }

    @Override
    public void close() {
        System.out.println(contract.checked() + " exchanges with the API were held against its document.");
        services.values().forEach(ServiceProcess::stop);
        mail.stop();
        kafka.destroy();
        databases.forEach(this::dropDatabase);
    }

    /** The API's port, and the management port (the actuator, the API document) on the loopback interface. */
    private Map<String, String> common(int port, int managementPort, String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("TALLY_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        environment.put("TALLY_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (database != null) {
            environment.put("TALLY_DB_URL", postgres.urlOf(database));
            environment.put("TALLY_DB_USER", postgres.user());
            environment.put("TALLY_DB_PASSWORD", postgres.password());
        }
        return environment;
    }

    private void add(Path root, String version, File logs, String module, int port, int managementPort,
                     Map<String, String> environment) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run ./mvnw -B verify from the repository root");
        }
        services.put(module, new ServiceProcess(module, jar, port, managementPort, environment,
                new File(logs, module + ".log")));
    }

    private void createDatabase(String name) {
        execute("CREATE DATABASE " + name);
    }

    private void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
