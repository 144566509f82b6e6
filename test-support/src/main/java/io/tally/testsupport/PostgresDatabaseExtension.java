package io.tally.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Gives the test class its own fresh PostgreSQL database, created before its first test and
 * dropped after its last, so that test classes never see each other's rows. The database is
 * announced through the system properties {@code spring.datasource.url}, {@code .username} and
 * {@code .password}, and through {@link #database()}.
 */
public class PostgresDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);

    /** A database created for one test class. */
    public record TestDatabase(String name, String url, String user, String password) {
    }

    private TestDatabase current;

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresServer server;
        try {
            server = PostgresServer.resolve();
        } catch (IllegalStateException noServer) {
            throw new ExtensionConfigurationException(noServer.getMessage(), noServer);
        }
        String name = databaseNameFor(context.getRequiredTestClass());
        execute(server, "CREATE DATABASE " + name);
        TestDatabase database = new TestDatabase(name, server.urlOf(name), server.user(), server.password());
        context.getStore(NAMESPACE).put(TestDatabase.class, database);
        current = database;
        context.getStore(NAMESPACE).put(PostgresServer.class, server);
        System.setProperty("spring.datasource.url", database.url());
        System.setProperty("spring.datasource.username", database.user());
        System.setProperty("spring.datasource.password", database.password());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
        PostgresServer server = context.getStore(NAMESPACE).remove(PostgresServer.class, PostgresServer.class);
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
        if (database != null) {
            execute(server, "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
        }
    }

    /** The database of the running test class, for an extension registered with {@code @RegisterExtension}. */
    public TestDatabase database() {
        return current;
    }

    static String databaseNameFor(Class<?> testClass) {
        String prefix = "t_" + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return prefix.substring(0, Math.min(prefix.length(), 63 - suffix.length())) + suffix;
    }

    private static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new ExtensionConfigurationException("PostgreSQL at " + server.adminUrl() + " refused `" + sql
                    + "`: " + e.getMessage() + ". " + PostgresServer.MISSING_SERVER, e);
        }
    }
}
