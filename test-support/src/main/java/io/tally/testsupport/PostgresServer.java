package io.tally.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The PostgreSQL server tests create their databases on: the one named by
 * {@code TALLY_DB_URL}/{@code TALLY_DB_USER}/{@code TALLY_DB_PASSWORD} (environment or system
 * properties), else one Testcontainers container per JVM where a Docker engine runs. Public so
 * that the benchmarks' {@link io.tally.testsupport.bench.BenchDatabase} reads the same settings.
 */
public record PostgresServer(String adminUrl, String user, String password) {

    static final String MISSING_SERVER = """
            No PostgreSQL server for the tests. Set TALLY_DB_URL (for example \
            jdbc:postgresql://127.0.0.1:5432/postgres), TALLY_DB_USER and TALLY_DB_PASSWORD to a server on which \
            that user may create databases, or run the tests where a Docker engine is available.""";

    private static PostgresServer containerServer;

    static PostgresServer resolve() {
        return fromSettings().orElseGet(PostgresServer::fromDocker);
    }

    static Optional<PostgresServer> fromSettings() {
        return setting("TALLY_DB_URL").map(PostgresServer::asSettingsUser);
    }

    /** The server the settings name, or the one at {@code defaultUrl} when TALLY_DB_URL is not set. */
    public static PostgresServer fromSettings(String defaultUrl) {
        return asSettingsUser(setting("TALLY_DB_URL").orElse(defaultUrl));
    }

    /** As TALLY_DB_USER (else postgres) with TALLY_DB_PASSWORD (else none). */
    private static PostgresServer asSettingsUser(String adminUrl) {
        return new PostgresServer(adminUrl, setting("TALLY_DB_USER").orElse("postgres"),
                setting("TALLY_DB_PASSWORD").orElse(""));
    }

    private static synchronized PostgresServer fromDocker() {
        if (containerServer == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException(MISSING_SERVER);
            }
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            containerServer = new PostgresServer(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        return containerServer;
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** A connection to the administrative database, {@link #adminUrl()}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    /** The JDBC URL of another database on the same server. */
    public String urlOf(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            throw new IllegalStateException("TALLY_DB_URL has no database part: " + adminUrl);
        }
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }
}
