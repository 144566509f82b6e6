package io.tally.ledger.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL server a benchmark makes its databases on: TALLY_DB_URL, TALLY_DB_USER and
 * TALLY_DB_PASSWORD (system properties or environment), by default the local server as postgres.
 * Nothing of the ledger in it: it belongs in test-support with {@link InProcessService}.
 */
record DatabaseServer(String adminUrl, String user, String password) {

    static DatabaseServer fromEnvironment() {
        return new DatabaseServer(setting("TALLY_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                setting("TALLY_DB_USER", "postgres"), setting("TALLY_DB_PASSWORD", ""));
    }

    /** The database, new and empty: an old one of that name is dropped first. */
    void recreate(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute("CREATE DATABASE " + database);
    }

    /** Drops the database if it is there; a failure is printed, not thrown (this runs on the way out). */
    void drop(String database) {
        try {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("could not drop database " + database + ": " + e.getMessage());
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), user, password);
    }

    /** The JDBC URL of another database on this server. */
    String urlOf(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            throw new IllegalStateException("TALLY_DB_URL has no database part: " + adminUrl);
        }
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    String host() {
        return URI.create(adminUrl.substring("jdbc:".length())).getHost();
    }

    int port() {
        int port = URI.create(adminUrl.substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(String name, String otherwise) {
        return Optional.ofNullable(System.getProperty(name, System.getenv(name))).filter(v -> !v.isBlank())
                .orElse(otherwise);
    }
}
