package io.tally.testsupport;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExtensionsTest {

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void givesTheClassItsOwnEmptyDatabase() throws Exception {
        PostgresDatabaseExtension.TestDatabase database = POSTGRES.database();
        assertThat(database.name()).startsWith("t_extensionstest_");
        assertThat(System.getProperty("spring.datasource.url")).isEqualTo(database.url());
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select current_database(), count(*) from information_schema.tables where table_schema = 'public'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(database.name());
            assertThat(rows.getInt(2)).isZero();
        }
    }

    @Test
    void startsARealBroker() throws Exception {
        String bootstrap = KAFKA.bootstrapServers();
        assertThat(System.getProperty(KafkaBrokerExtension.BOOTSTRAP_PROPERTY)).isEqualTo(bootstrap);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("probe");
        }
    }

    @Test
    void databaseNamesAreValidIdentifiersAndUnique() {
        Class<?> longNamed = AVeryLongTestClassNameThatWouldNotFitIntoAPostgresIdentifierOnItsOwn.class;
        String first = PostgresDatabaseExtension.databaseNameFor(longNamed);
        String second = PostgresDatabaseExtension.databaseNameFor(longNamed);
        assertThat(first).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+").isNotEqualTo(second);
    }

    @Test
    void derivesTheUrlOfAnotherDatabaseOnTheSameServer() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "u", "p");
        assertThat(server.urlOf("t_x")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/t_x?sslmode=disable");
    }

    private static final class AVeryLongTestClassNameThatWouldNotFitIntoAPostgresIdentifierOnItsOwn {
    }
}
