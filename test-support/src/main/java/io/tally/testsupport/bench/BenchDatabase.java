package io.tally.testsupport.bench;

import io.tally.testsupport.PostgresServer;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server a benchmark makes its databases on: the {@link PostgresServer} that
 * TALLY_DB_URL, TALLY_DB_USER and TALLY_DB_PASSWORD name (system properties or environment), by
 * default the local server as postgres.
 */
public final class BenchDatabase {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final PostgresServer server;

    private BenchDatabase(PostgresServer server) {
        this.server = server;
    }

    public static BenchDatabase fromEnvironment() {
        return new BenchDatabase(PostgresServer.fromSettings(LOCAL_SERVER));
    }

    /** The database, new and empty: an old one of that name is dropped first. */
    public void recreate(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute("CREATE DATABASE " + database);
    }

    /** Drops the database if it is there; a failure is printed, not thrown (this runs on the way out). */
    public void drop(String database) {
        try {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("could not drop database " + database + ": " + e.getMessage());
        }
    }

    /** A connection to the administrative database, {@link #adminUrl()}. */
    public Connection connect() throws SQLException {
        return server.connect();
    }

    /** A connection to another database on this server. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), user(), password());
    }

    /** The JDBC URL of another database on this server. */
    public String urlOf(String database) {
        return server.urlOf(database);
    }

    public String adminUrl() {
        return server.adminUrl();
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public String host() {
        return URI.create(adminUrl().substring("jdbc:".length())).getHost();
    }

    public int port() {
        int port = URI.create(adminUrl().substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
