package io.tally.customer.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.contracts.MinorUnits;
import io.tally.contracts.customer.PostalAddress;
import io.tally.customer.customer.CustomerNotFoundException;
import io.tally.service.web.Ids;
import io.tally.service.web.QueryParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the customer list read model: pages, counts, the CSV stream, the tags in use and the details. */
@Component
class CustomerListQueries {

    /** The most tags the tag list offers: enough for any real tagging scheme, bounded for a page. */
    static final int MAX_TAGS_LISTED = 500;

    private static final String COLUMNS = """
            customer_id, account, team_name, team_type, company_name, balance_minor, credits_minor, currency,
            currency_digits, state, tags, registered_at, email_verified, billing_type, contact_name, phone,
            address::text AS address""";
    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final RowMapper<CustomerRow> rowMapper = this::row;

    CustomerListQueries(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * A page of the list, the cursor after it (when more rows may follow) and the count of all
     * matches: exact, except under several filters at once with more than {@value #COUNT_LIMIT}
     * matches, where {@code total} is that limit and {@code totalExact} is false.
     */
    public record CustomerPage(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "This page's customers; empty when none match.")
            List<CustomerRow> items,
            @Schema(description = "The cursor of the next page; left out on the last page.",
                    example = "cmVnaXN0cmF0aW9uVGltZSxkZXNjCjNmMmI2YzFlLThhNGQtNGY3Yi05YzJlLTVkMWE3Yjll"
                            + "MGM0MgoyMDI2LTAxLTE1VDA5OjMwOjAwWg")
            String nextCursor,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "All matches, on every page.",
                    example = "1")
            long total,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "False when total is the count limit (" + COUNT_LIMIT + "), not the exact count.",
                    example = "true")
            boolean totalExact) {
    }

    /** Above this, a count under several filters would read most of the table on every page. */
    public static final int COUNT_LIMIT = 10_000;

    @Transactional(readOnly = true)
    public CustomerPage page(CustomerListQuery query) {
        Sql sql = where(query);
        CustomerSort sort = query.sort();
        String column = sort.field().column();
        String comparison = sort.descending() ? "<" : ">";
        if (query.after() != null) {
            sql.append(" AND (" + column + ", customer_id) " + comparison + " (" + sort.field().parameter()
                    + ", ?::uuid)", query.after().key(), query.after().customerId());
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        List<Object[]> keys = new ArrayList<>();
        List<CustomerRow> rows = jdbc.query(
                "SELECT " + COLUMNS + ", " + sort.field().keyText() + " AS sort_key FROM customer_list" + sql.text
                        + " ORDER BY " + column + direction + ", customer_id" + direction + " LIMIT ?",
                (rs, n) -> {
                    keys.add(new Object[]{rs.getString("sort_key"), rs.getString("customer_id")});
                    return row(rs, n);
                },
                sql.withArgument(query.limit() + 1));
        String nextCursor = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            Object[] last = keys.get(query.limit() - 1);
            nextCursor = new CustomerCursor(sort.asParameter(), (String) last[0], (String) last[1]).encode();
        }
        Total total = count(query);
        return new CustomerPage(List.copyOf(rows), nextCursor, total.value(), total.exact());
    }

    /** Every row matching the filters, in the query's order, streamed from a server-side cursor. */
    @Transactional(readOnly = true)
    public void export(CustomerListQuery query, Consumer<CustomerRow> sink) {
        Sql sql = where(query);
        String direction = query.sort().descending() ? " DESC" : " ASC";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM customer_list" + sql.text
                    + " ORDER BY " + query.sort().field().column() + direction + ", customer_id" + direction);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            Object[] arguments = sql.arguments();
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement;
        }, (RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
    }

    /** A tag in use on a platform (ignoring case, as the tag filter matches) and how many customers carry it. */
    public record TagUse(
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "In lower case, as the tag filter compares tags.", example = "vip")
            String tag,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "The customers carrying it.",
                    example = "12")
            long customers) {
    }

    /**
     * The platform's tags in use, most used first, at most {@value #MAX_TAGS_LISTED}, from the counts the projection
     * keeps. The tag list takes no parameters: any is refused as unknown.
     */
    public List<TagUse> tagsInUse(String platformId, Map<String, String> parameters) {
        new QueryParameters(parameters, Set.of(), "The tag list");
        return jdbc.query("""
                        SELECT value, customers FROM customer_facet_counts
                         WHERE platform_id = ? AND facet = 'tag' AND customers > 0
                         ORDER BY customers DESC, value LIMIT ?""",
                (rs, row) -> new TagUse(rs.getString("value"), rs.getLong("customers")),
                UUID.fromString(platformId), MAX_TAGS_LISTED);
    }

    /** One customer of the platform; any other id, malformed ones included, is customer_not_found. */
    public CustomerRow details(String platformId, String customerId) {
        String id = Ids.canonicalOr(customerId, CustomerNotFoundException::new);
        return jdbc.query("SELECT " + COLUMNS + " FROM customer_list WHERE platform_id = ? AND customer_id = ?",
                        rowMapper, UUID.fromString(platformId), UUID.fromString(id)).stream().findFirst()
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
    }

    private record Total(long value, boolean exact) {
    }

    private Total count(CustomerListQuery query) {
        Optional<Map.Entry<String, String>> facet = query.singleFacet();
        if (facet.isPresent()) {
            List<Long> counted = jdbc.queryForList("""
                            SELECT customers FROM customer_facet_counts
                             WHERE platform_id = ? AND facet = ? AND value = ?""",
                    Long.class, UUID.fromString(query.platformId()), facet.get().getKey(), facet.get().getValue());
            return new Total(counted.isEmpty() ? 0 : counted.get(0), true);
        }
        Sql sql = where(query);
        Long counted = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM customer_list" + sql.text
                + " LIMIT " + (COUNT_LIMIT + 1) + ") matches", Long.class, sql.arguments());
        long matches = counted == null ? 0 : counted;
        return matches <= COUNT_LIMIT ? new Total(matches, true) : new Total(COUNT_LIMIT, false);
    }

    private static Sql where(CustomerListQuery query) {
        Sql sql = new Sql(" WHERE platform_id = ?", UUID.fromString(query.platformId()));
        if (query.search() != null) {
            sql.append(" AND search_text LIKE ?", "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.state() != null) {
            sql.append(" AND state = ?", query.state().name());
        }
        if (query.teamType() != null) {
            sql.append(" AND team_type = ?", query.teamType().name());
        }
        if (query.tag() != null) {
            sql.append(" AND tag_keys @> ARRAY[?]::text[]", query.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (query.minBalance() != null) {
            sql.append(" AND balance_minor >= ? * power(10, currency_digits)", query.minBalance());
        }
        if (query.maxBalance() != null) {
            sql.append(" AND balance_minor <= ? * power(10, currency_digits)", query.maxBalance());
        }
        if (query.registeredFrom() != null) {
            sql.append(" AND registered_at >= ?", Timestamp.from(query.registeredFrom()));
        }
        if (query.registeredTo() != null) {
            sql.append(" AND registered_at < ?", Timestamp.from(query.registeredTo()));
        }
        return sql;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private CustomerRow row(ResultSet rs, int rowNumber) throws SQLException {
        int digits = rs.getInt("currency_digits");
        String company = rs.getString("company_name");
        return new CustomerRow(rs.getString("customer_id"), rs.getString("account"), rs.getString("team_name"),
                rs.getString("team_type"), company.isEmpty() ? null : company,
                MinorUnits.format(rs.getLong("balance_minor"), digits), MinorUnits.format(rs.getLong("credits_minor"), digits),
                rs.getString("currency"), rs.getString("state"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getTimestamp("registered_at").toInstant(), rs.getBoolean("email_verified"),
                rs.getString("billing_type"), rs.getString("contact_name"), rs.getString("phone"),
                address(rs.getString("address")));
    }

    private PostalAddress address(String json) {
        try {
            return json == null ? null : objectMapper.readValue(json, PostalAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored address is not readable", e);
        }
    }

    /** A WHERE clause and its arguments, built together so that they cannot drift apart. */
    private static final class Sql {
        private String text;
        private final List<Object> arguments = new ArrayList<>();

        Sql(String text, Object... arguments) {
            this.text = text;
            this.arguments.addAll(Arrays.asList(arguments));
        }

        void append(String clause, Object... values) {
            text += clause;
            arguments.addAll(Arrays.asList(values));
        }

        Object[] arguments() {
            return arguments.toArray();
        }

        Object[] withArgument(Object value) {
            List<Object> all = new ArrayList<>(arguments);
            all.add(value);
            return all.toArray();
        }
    }
}
