package io.tally.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The local PostgreSQL: is it there, and does it hold the services' databases. */
final class PostgresServer {

    static final String HOW_TO_START = "Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
            + " (Debian), or point TALLY_DB_HOST, TALLY_DB_PORT, TALLY_DB_USER and TALLY_DB_PASSWORD at a running server.";
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final PostgresSettings settings;

    PostgresServer(PostgresSettings settings) {
        this.settings = settings;
    }

    PostgresSettings settings() {
        return settings;
    }

    Optional<StartupProblem> unreachable() {
        try (Connection connection = connect()) {
            return connection.isValid(CONNECT_TIMEOUT_SECONDS) ? Optional.empty() : Optional.of(problem("the connection is not valid"));
        } catch (SQLException e) {
            return Optional.of(problem(firstSentence(e.getMessage())));
        }
    }

    /**
     * Creates the databases that are missing; with {@code fresh}, drops them first, forcing out
     * sessions left open, since a fresh start means starting from nothing. Answers the created ones.
     */
    List<String> prepareDatabases(List<String> databases, boolean fresh) {
        List<String> created = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (fresh) {
                    statement.execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
                }
                if (!exists(connection, database)) {
                    statement.execute("CREATE DATABASE " + quoted(database));
                    created.add(database);
                }
            }
        } catch (SQLException e) {
            throw new LaunchFailure("Could not prepare the databases " + databases + " on PostgreSQL at "
                    + settings.address() + ": " + firstSentence(e.getMessage()));
        }
        return created;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "tally-local-stack");
        return DriverManager.getConnection(settings.jdbcUrl(MAINTENANCE_DATABASE), properties);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private StartupProblem problem(String reason) {
        return new StartupProblem("Cannot connect to PostgreSQL at " + settings.address() + " as user "
                + settings.user() + ": " + reason, HOW_TO_START);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The driver's messages go on with advice that names its own settings, not ours. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end + 1);
    }
}
