package io.tally.customer.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of statements recorded from the application, twice: as
 * a first execution plans it (the parameters' values known, a "custom" plan), and as a pooled
 * connection runs it once the JDBC driver has made it a server-side prepared statement (after
 * five executions) and PostgreSQL has planned it five times more, when the plan cache may switch
 * to one "generic" plan for all parameter values.
 */
final class QueryPlans {

    private QueryPlans() {
    }

    static List<String> explain(Connection connection, SqlCapture.Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("SQL: " + statement.sql().strip().replaceAll("\\s+", " "));
        lines.add("parameters: " + statement.bindings().stream().map(b -> String.valueOf(b.value()))
                .collect(Collectors.joining(", ")));
        // Once untimed, so that the plan below runs on the same warm cache as the measured requests.
        try (PreparedStatement warm = connection.prepareStatement(statement.sql())) {
            bind(warm, statement);
            try (ResultSet rs = warm.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
        lines.add("-- custom plan (parameter values known, as on a connection's first executions):");
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                + statement.sql())) {
            bind(explain, statement);
            lines.addAll(rows(explain.executeQuery()));
        }
        lines.addAll(prepared(connection, statement));
        return lines;
    }

    private static List<String> prepared(Connection connection, SqlCapture.Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (SqlCapture.Binding binding : statement.bindings()) {
            types.add(sqlType(binding));
            values.add(literal(binding.value()));
        }
        String name = "bench_plan";
        try (Statement sql = connection.createStatement()) {
            sql.execute("DEALLOCATE ALL");
            sql.execute("PREPARE " + name + (types.isEmpty() ? "" : "(" + String.join(", ", types) + ")") + " AS "
                    + numberedParameters(statement.sql()));
            String execute = "EXECUTE " + name + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
            for (int i = 0; i < 5; i++) {
                try (ResultSet rs = sql.executeQuery(execute)) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            List<String> plan = rows(sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute));
            String kind = "unknown";
            try (ResultSet rs = sql.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                    + "WHERE name = '" + name + "'")) {
                if (rs.next()) {
                    kind = rs.getLong(1) > 0 ? "a GENERIC plan" : "a custom plan";
                }
            }
            lines.add("-- prepared statement, 6th execution (plan_cache_mode=auto chose " + kind
                    + "; this is what a pooled connection runs once warm):");
            lines.addAll(plan);
            sql.execute("DEALLOCATE " + name);
        }
        return lines;
    }

    private static void bind(PreparedStatement statement, SqlCapture.Statement recorded) throws SQLException {
        for (SqlCapture.Binding binding : recorded.bindings()) {
            binding.applyTo(statement);
        }
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                lines.add("   " + rs.getString(1));
            }
        }
        return lines;
    }

    /** The parameter types the JDBC driver would announce for these values. */
    private static String sqlType(SqlCapture.Binding binding) {
        Object value = binding.value();
        if (value instanceof UUID) {
            return "uuid";
        }
        if (value instanceof Integer || value instanceof Short) {
            return "integer";
        }
        if (value instanceof Long) {
            return "bigint";
        }
        if (value instanceof BigDecimal) {
            return "numeric";
        }
        if (value instanceof Timestamp) {
            return "timestamptz";
        }
        return "varchar";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** JDBC's {@code ?} placeholders as {@code $1, $2, ...}, leaving quoted text alone. */
    static String numberedParameters(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int number = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                out.append('$').append(++number);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
