package io.tally.systemtests.bench;

import io.tally.testsupport.bench.BenchDatabase;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's backends serving the stack's databases. They are not in the launcher's process
 * tree (the server runs on its own), and their VmRSS counts every shared buffer they touched, so
 * their own memory is RssAnon.
 */
final class PostgresBackends {

    static final List<String> STACK_DATABASES = List.of("customers", "ledger", "auth");

    /** The backends at one instant: how many, all their resident memory, and their own. */
    record Snapshot(int backends, long rssKb, long privateKb) {
    }

    private final BenchDatabase server;

    PostgresBackends(BenchDatabase server) {
        this.server = server;
    }

    Snapshot snapshot() throws SQLException, IOException {
        return snapshot(pids());
    }

    static Snapshot snapshot(List<Long> pids) throws IOException {
        long rss = 0;
        long own = 0;
        for (long pid : pids) {
            Map<String, Long> status = StackProcesses.status(pid);
            rss += status.getOrDefault("VmRSS", 0L);
            own += status.getOrDefault("RssAnon", 0L);
        }
        return new Snapshot(pids.size(), rss, own);
    }

    List<Long> pids() throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname IN ('"
                     + String.join("','", STACK_DATABASES) + "')")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }
}
