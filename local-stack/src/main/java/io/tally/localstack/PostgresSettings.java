package io.tally.localstack;

import java.util.Map;

/** Where the local PostgreSQL is, from TALLY_DB_* with the defaults of a Debian package install. */
record PostgresSettings(String host, String port, String user, String password) {

    static PostgresSettings fromEnvironment(Map<String, String> environment) {
        return new PostgresSettings(
                environment.getOrDefault("TALLY_DB_HOST", "127.0.0.1"),
                environment.getOrDefault("TALLY_DB_PORT", "5432"),
                environment.getOrDefault("TALLY_DB_USER", "postgres"),
                environment.getOrDefault("TALLY_DB_PASSWORD", ""));
    }

    String address() {
        return host + ":" + port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }
}
