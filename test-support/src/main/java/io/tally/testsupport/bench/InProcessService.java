package io.tally.testsupport.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A service started in this JVM for a benchmark, as it runs in production but for its
 * neighbours: a new database of its own on the PostgreSQL server (dropped at the close, and on
 * the way out should the benchmark be stopped), and a Kafka broker in this process whose address
 * is announced as {@value #BOOTSTRAP_PROPERTY}.
 */
public final class InProcessService implements AutoCloseable {

    public static final String BOOTSTRAP_PROPERTY = "tally.kafka.bootstrap-servers";

    private final BenchDatabase server;
    private final List<String> databases = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onAbort = new Thread(this::dropDatabases, "drop-bench-databases");
    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext context;

    /** A benchmark's whole run. */
    @FunctionalInterface
    public interface Benchmark {
        void run() throws Exception;
    }

    private InProcessService(BenchDatabase server) {
        this.server = server;
    }

    /**
     * A benchmark's main: logging at WARN from the first line (the broker's too), Axon's update
     * check and console message off, then the run, and the JVM's exit (1 when it failed) however
     * many threads the service left behind.
     */
    public static void exitAfter(Benchmark benchmark) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        int status = 0;
        try {
            benchmark.run();
        } catch (Throwable e) {
            status = 1;
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * The broker, then the application from {@code sources} on the new {@code database}, at a free
     * port and logging at WARN; {@code arguments} are added to the command line.
     */
    public static InProcessService start(BenchDatabase server, String database, List<Class<?>> sources,
                                         List<String> arguments, Consumer<String> say) throws SQLException {
        InProcessService service = new InProcessService(server);
        Runtime.getRuntime().addShutdownHook(service.onAbort);
        try {
            service.ownDatabase(database);
            say.accept("created database " + database + " on " + server.adminUrl());
            long started = System.nanoTime();
            service.broker = new EmbeddedKafkaKraftBroker(1, 3);
            service.broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0"));
            service.broker.afterPropertiesSet();
            System.setProperty(BOOTSTRAP_PROPERTY, service.broker.getBrokersAsString());
            say.accept(String.format(Locale.ROOT, "Kafka broker at %s, up in %.1f s",
                    service.broker.getBrokersAsString(), (System.nanoTime() - started) / 1e9));
            started = System.nanoTime();
            List<String> commandLine = new ArrayList<>(List.of("--spring.datasource.url=" + server.urlOf(database),
                    "--spring.datasource.username=" + server.user(),
                    "--spring.datasource.password=" + server.password(),
                    "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
            commandLine.addAll(arguments);
            service.context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                    .run(commandLine.toArray(String[]::new));
            say.accept(String.format(Locale.ROOT, "%s at %s, up in %.1f s", sources.get(0).getSimpleName(),
                    service.baseUrl(), (System.nanoTime() - started) / 1e9));
            return service;
        } catch (RuntimeException | SQLException e) {
            service.close();
            throw e;
        }
    }

    /** Another database the benchmark makes on the same server, dropped with the service's own. */
    public void ownDatabase(String database) throws SQLException {
        databases.add(database);
        server.recreate(database);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The port the application listens at. */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The application's bean of that type. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        if (broker != null) {
            broker.destroy();
        }
        System.clearProperty(BOOTSTRAP_PROPERTY);
        dropDatabases();
        try {
            Runtime.getRuntime().removeShutdownHook(onAbort);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or ran, anyway
        }
    }

    private void dropDatabases() {
        if (closed.compareAndSet(false, true)) {
            databases.forEach(server::drop);
            System.out.println("dropped databases " + databases);
        }
    }
}
