package io.tally.systemtests.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tally.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The whole of Tally for the system tests: a real Kafka broker, three fresh databases on PostgreSQL, an SMTP
 * server that keeps the mails, the three services and the api-gateway as processes of their own. Tests talk to
 * the gateways only.
 *
 * <p>By default ({@link Layout#single()}) one of each, the broker in this JVM and the databases on the machine's
 * PostgreSQL; the Jupiter tests share that one. {@link Layout#faults()} runs two instances of every service behind
 * two gateways, each gateway balancing over both, with a broker and a PostgreSQL cluster of the system's own, so
 * that a test may restart or kill any part of it.
 */
public final class TallySystem implements ExtensionContext.Store.CloseableResource {

    public static final String PROVIDER_USERNAME = "provider@system-tests.tally.local";
    public static final String PROVIDER_PASSWORD = "system-tests-" + UUID.randomUUID();

    public static final String CUSTOMER = "customer-service";
    public static final String LEDGER = "credit-ledger-service";
    public static final String AUTH = "auth-service";
    public static final String GATEWAY = "api-gateway";

    /**
     * How many instances of each service and how many gateways; {@code ownParts}: the broker in a process of its own
     * and a PostgreSQL cluster made for this system (else the broker in this JVM and the machine's PostgreSQL).
     */
    public record Layout(int instances, int gateways, boolean ownParts) {

        public static Layout single() {
            return new Layout(1, 1, false);
        }

        public static Layout faults() {
            return new Layout(2, 2, true);
        }
    }

    private final Path logs;
    private final Broker kafka;
    private final GreenMail mail;
    private final PostgresCluster cluster;
    private final PostgresServer postgres;
    private final List<String> databases;
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final List<Api> gatewayApis = new ArrayList<>();
    private final Api api;
    private final ApiContract contract;
    private boolean closed;

    private TallySystem(Layout layout) {
        Path root = Path.of(System.getProperty("tally.repository-root", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("tally.version", "0.1.0-SNAPSHOT");
        logs = root.resolve("system-tests/target/system-tests");
        String prefix = "tally_system_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logs, e);
        }

        kafka = layout.ownParts() ? BrokerProcess.start(logs.resolve(prefix + "-kafka")) : Broker.embedded();
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        cluster = layout.ownParts() ? PostgresCluster.create(prefix) : null;
        postgres = cluster != null ? cluster.server()
                : PostgresServer.fromSettings("jdbc:postgresql://127.0.0.1:5432/postgres");
        databases = List.of(prefix + "_customers", prefix + "_ledger", prefix + "_auth");
        databases.forEach(this::createDatabase);

        int instances = layout.instances();
        int[] customerPorts = freePorts(instances);
        int[] ledgerPorts = freePorts(instances);
        int[] authPorts = freePorts(instances);
        int[] customerManagement = freePorts(instances);
        int[] ledgerManagement = freePorts(instances);
        int[] authManagement = freePorts(instances);
        int[] gatewayPorts = freePorts(layout.gateways());
        int[] gatewayManagement = freePorts(layout.gateways());
        String gateway = "http://127.0.0.1:" + gatewayPorts[0];
        String jwks = "http://127.0.0.1:" + authPorts[0] + "/.well-known/jwks.json";

        for (int index = 0; index < instances; index++) {
            Map<String, String> customer = common(customerPorts[index], customerManagement[index], databases.get(0));
            customer.put("TALLY_JWKS_URL", jwks);
            customer.put("TALLY_PUBLIC_BASE_URL", gateway);
            customer.put("TALLY_MAIL_TRANSPORT", "smtp");
            customer.put("TALLY_SMTP_HOST", "127.0.0.1");
            customer.put("TALLY_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
            Map<String, String> ledger = common(ledgerPorts[index], ledgerManagement[index], databases.get(1));
            ledger.put("TALLY_JWKS_URL", jwks);
            Map<String, String> auth = common(authPorts[index], authManagement[index], databases.get(2));
            // Sign-in failures count against the caller the gateway names, the gateway being the one trusted proxy.
            auth.put("TALLY_TRUSTED_PROXIES", "127.0.0.1");
            auth.put("TALLY_PROVIDER_USERNAME", PROVIDER_USERNAME);
            auth.put("TALLY_PROVIDER_PASSWORD", PROVIDER_PASSWORD);
            auth.put("TALLY_PUBLIC_BASE_URL", gateway);
            add(root, version, CUSTOMER, index, customerPorts[index], customerManagement[index], customer);
            add(root, version, LEDGER, index, ledgerPorts[index], ledgerManagement[index], ledger);
            add(root, version, AUTH, index, authPorts[index], authManagement[index], auth);
        }
        for (int index = 0; index < layout.gateways(); index++) {
            Map<String, String> environment = common(gatewayPorts[index], gatewayManagement[index], null);
            environment.put("TALLY_CUSTOMER_SERVICE_URL", addresses(customerPorts));
            environment.put("TALLY_LEDGER_SERVICE_URL", addresses(ledgerPorts));
            environment.put("TALLY_AUTH_SERVICE_URL", addresses(authPorts));
            // The services' API documents, which the gateway assembles into its own, are on their management ports.
            environment.put("TALLY_CUSTOMER_MANAGEMENT_URL", addresses(customerManagement));
            environment.put("TALLY_LEDGER_MANAGEMENT_URL", addresses(ledgerManagement));
            environment.put("TALLY_AUTH_MANAGEMENT_URL", addresses(authManagement));
            environment.put("TALLY_JWKS_URL", jwks);
            // The tests come from one address and, often, one admin: the limits are the gateway's own tests' business.
            for (String limit : List.of("ADDRESS", "SUBJECT", "OWN", "REFUSED_TOKENS")) {
                environment.put("TALLY_RATE_LIMIT_" + limit + "_PER_SECOND", "10000");
                environment.put("TALLY_RATE_LIMIT_" + limit + "_BURST", "10000");
            }
            add(root, version, GATEWAY, index, gatewayPorts[index], gatewayManagement[index], environment);
        }

        // The first instance of each service first (its migrations), then the others beside the gateways, which
        // start once there is something behind them.
        startAndAwait(index -> index == 0, List.of(CUSTOMER, LEDGER, AUTH));
        startAndAwait(index -> index > 0, List.of(CUSTOMER, LEDGER, AUTH, GATEWAY));
        startAndAwait(index -> index == 0, List.of(GATEWAY));
        contract = contract(new Api(URI.create(gateway)));
        for (ServiceProcess each : services.get(GATEWAY)) {
            gatewayApis.add(new Api(each.uri(), contract));
        }
        api = gatewayApis.get(0);
    }

    /** The shared system of the Jupiter tests, or a test's own of another engine (the jqwik fuzz). */
    public static TallySystem start() {
        return new TallySystem(Layout.single());
    }

    /** A system of its own in {@code layout}, which the caller closes. */
    public static TallySystem start(Layout layout) {
        return new TallySystem(layout);
    }

    /** The gateway's whole API document, which every exchange of the tests is then held against. */
    private static ApiContract contract(Api unchecked) {
        Api.Response document = unchecked.get("/docs/openapi.json", null);
        if (document.status() != 200 || document.json().path("info").has("x-missing-services")) {
            throw new IllegalStateException("The gateway has no whole API document: " + document);
        }
        return ApiContract.of(document.body());
    }

    /** The first gateway. */
    public Api api() {
        return api;
    }

    /** Every gateway, in order. */
    public List<Api> gateways() {
        return List.copyOf(gatewayApis);
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
        return kafka.bootstrapServers();
    }

    /** The broker, when it runs as a process of this system's own ({@link Layout#faults()}). */
    public BrokerProcess brokerProcess() {
        if (kafka instanceof BrokerProcess process) {
            return process;
        }
        throw new IllegalStateException("The broker runs in this JVM: start the system in Layout.faults()");
    }

    /** The PostgreSQL cluster made for this system ({@link Layout#faults()}). */
    public PostgresCluster postgresCluster() {
        if (cluster == null) {
            throw new IllegalStateException("The databases are on the machine's PostgreSQL: start in Layout.faults()");
        }
        return cluster;
    }

    /** A connection to one of the system's databases: {@code customers}, {@code ledger} or {@code auth}. */
    public Connection connect(String database) throws SQLException {
        String name = databases.stream().filter(each -> each.endsWith("_" + database)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No database " + database));
        return java.sql.DriverManager.getConnection(postgres.urlOf(name), postgres.user(), postgres.password());
    }

    /** The first instance of a service (or gateway). */
    public ServiceProcess service(String name) {
        return instances(name).get(0);
    }

    /** Every instance of a service (or every gateway), in order. */
    public List<ServiceProcess> instances(String name) {
        List<ServiceProcess> instances = services.get(name);
        if (instances == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return List.copyOf(instances);
    }

    /** Stops everything it started; once (a shutdown hook may call it again). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.out.println(contract.checked() + " exchanges with the API were held against its document.");
        services.values().forEach(instances -> instances.forEach(ServiceProcess::stop));
        mail.stop();
        kafka.close();
        if (cluster != null) {
            cluster.drop();
        } else {
            databases.forEach(this::dropDatabase);
        }
    }

    private void startAndAwait(IntPredicate index, List<String> names) {
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : names) {
            List<ServiceProcess> instances = services.get(name);
            for (int each = 0; each < instances.size(); each++) {
                if (index.test(each)) {
                    instances.get(each).start();
                    started.add(instances.get(each));
                }
            }
        }
        started.forEach(ServiceProcess::awaitReady);
    }

    /** The API's port, and the management port (the actuator, the API document) on the loopback interface. */
    private Map<String, String> common(int port, int managementPort, String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("TALLY_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        environment.put("TALLY_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (database != null) {
            environment.put("TALLY_DB_URL", postgres.urlOf(database));
            environment.put("TALLY_DB_USER", postgres.user());
            environment.put("TALLY_DB_PASSWORD", postgres.password());
        }
        return environment;
    }

    private void add(Path root, String version, String module, int index, int port, int managementPort,
                     Map<String, String> environment) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run ./mvnw -B verify from the repository root");
        }
        String name = index == 0 ? module : module + "-" + (index + 1);
        services.computeIfAbsent(module, key -> new ArrayList<>()).add(new ServiceProcess(name, jar, port,
                managementPort, environment, new File(logs.toFile(), name + ".log")));
    }

    private static String addresses(int[] ports) {
        return IntStream.of(ports).mapToObj(port -> "http://127.0.0.1:" + port).collect(Collectors.joining(","));
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

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        for (int index = 0; index < count; index++) {
            ports[index] = freePort();
        }
        return ports;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
