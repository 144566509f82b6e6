package io.tally.testsupport.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills the customer list read model of one platform straight from SQL: one
 * {@code INSERT ... SELECT FROM generate_series} of realistic rows, the platform's count, then
 * {@code VACUUM (ANALYZE)}. The generated columns (the sort keys and the search text) are left
 * to PostgreSQL, as for rows the projection writes. The random values are seeded, so every run
 * loads the same rows apart from the registration times, which are relative to now. Used by the
 * customer-service benchmark and by the console's, which load customer-service's read model of
 * the local stack the same way.
 */
public final class CustomerListLoad {

    /** How long each step took, in nanoseconds. */
    public record Timings(long insertNanos, long vacuumAnalyzeNanos) {
    }

    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net",
            "mail.example.com", "example.io");
    private static final List<String> ADJECTIVES = List.of("Amber", "Azure", "Bold", "Brave", "Bright", "Calm",
            "Clever", "Cobalt", "Crimson", "Daring", "Eager", "Electric", "Emerald", "Fearless", "Golden", "Happy",
            "Humble", "Indigo", "Jolly", "Keen", "Lively", "Lucky", "Mighty", "Nimble", "Noble", "Olive", "Quiet",
            "Rapid", "Rustic", "Scarlet", "Silent", "Silver", "Solar", "Steady", "Swift", "Tidy", "Urban", "Vivid",
            "Wild", "Zesty");
    private static final List<String> NOUNS = List.of("Badgers", "Bears", "Bees", "Cranes", "Dolphins", "Eagles",
            "Falcons", "Foxes", "Geckos", "Hawks", "Herons", "Ibises", "Jaguars", "Koalas", "Lemurs", "Lions",
            "Lynxes", "Marlins", "Moose", "Narwhals", "Otters", "Owls", "Pandas", "Pelicans", "Penguins", "Pumas",
            "Ravens", "Robins", "Salmon", "Seals", "Sparrows", "Swans", "Tigers", "Toucans", "Turtles", "Walruses",
            "Whales", "Wolves", "Wombats", "Yaks");
    /** Brand names are a first and a second syllable: 900 brands of about 220 enterprise customers each. */
    private static final List<String> BRAND_STARTS = List.of("Ac", "Bel", "Cor", "Dex", "El", "Fin", "Gal", "Hex",
            "Ion", "Jun", "Kel", "Lum", "Mar", "Nor", "Om", "Pax", "Quin", "Ral", "Sol", "Tor", "Ul", "Ver", "Wex",
            "Xan", "Yor", "Zen", "Brio", "Cal", "Dyn", "Tri");
    private static final List<String> BRAND_ENDS = List.of("ara", "ix", "on", "ova", "ex", "ium", "era", "ent",
            "is", "ia", "yn", "ora", "ant", "ico", "us", "ax", "eon", "ine", "ode", "uma", "ira", "ello", "ato",
            "ika", "oro", "ulo", "ene", "ista", "ovo", "axa");
    private static final List<String> COMPANY_KINDS = List.of("Systems", "Labs", "Holdings", "Group", "Analytics",
            "Cloud", "Networks", "Media", "Logistics", "Partners", "Studio", "Works");
    private static final List<String> LEGAL_FORMS = List.of("Ltd", "GmbH", "Inc.", "LLC", "AG", "BV", "Oy", "SAS");
    private static final List<String> DEPARTMENTS = List.of("Platform", "Data", "Billing", "Research",
            "Infrastructure", "Mobile", "Web", "Security", "Operations", "Analytics");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloe", "Dan", "Eva", "Finn", "Grace",
            "Hugo", "Iris", "Jack", "Kira", "Leo", "Maya", "Noah", "Olga", "Paul", "Rosa", "Sam", "Tara", "Yuri");
    private static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer",
            "Garcia", "Hansen", "Ito", "Jones", "Kim", "Lopez", "Muller", "Novak", "Olsen", "Patel", "Rossi", "Smith",
            "Tanaka", "Weber");
    private static final List<String> STREETS = List.of("Market Street", "High Street", "Station Road",
            "Harbour Lane", "Park Avenue", "Mill Road", "Church Street", "Bridge Street");
    private static final List<String> CITIES = List.of("Berlin", "London", "Paris", "Madrid", "Vienna", "Oslo",
            "Helsinki", "Warsaw", "Prague", "Lisbon", "Dublin", "Amsterdam");
    private static final List<String> COUNTRIES = List.of("DE", "GB", "FR", "ES", "AT", "NO", "FI", "PL", "CZ",
            "PT", "IE", "NL");

    /**
     * 20% enterprise (with a company), 55% individual, 25% default (no billing information yet);
     * balances uniform over 0..1,000,000 minor units; 5% tagged gold, 15% silver, 25% bronze, and
     * independently beta 10%, VIP 4%, churn-risk 8%, newsletter 12%; 5% disabled; registrations
     * uniform over the last three years.
     */
    static final String INSERT = """
            INSERT INTO customer_list (customer_id, platform_id, account, team_name, team_type, company_name,
                                       contact_name, phone, address, billing_type, email_verified, balance_minor,
                                       credits_minor, currency, currency_digits, state, tags, tag_keys, tags_key,
                                       registered_at)
            SELECT md5('tally-bench-' || i)::uuid,
                   ?::uuid,
                   CASE WHEN team_type = 'ENTERPRISE'
                        THEN lower(first_name) || '.' || lower(last_name) || '.' || i || '@' || lower(brand)
                             || '.example.com'
                        ELSE 'user' || i || '@' || domain END,
                   CASE WHEN team_type = 'ENTERPRISE' THEN brand || ' ' || department
                        ELSE adjective || ' ' || noun END,
                   team_type,
                   CASE WHEN team_type = 'ENTERPRISE' THEN brand || ' ' || company_kind || ' ' || legal_form
                        ELSE '' END,
                   CASE WHEN team_type <> 'DEFAULT' THEN first_name || ' ' || last_name END,
                   CASE WHEN team_type <> 'DEFAULT' AND r_phone < 0.7
                        THEN '+49 30 ' || lpad((i %% 10000000)::text, 7, '0') END,
                   CASE WHEN team_type = 'ENTERPRISE' OR (team_type = 'INDIVIDUAL' AND r_phone < 0.5)
                        THEN jsonb_build_object('line1', (1 + i %% 250) || ' ' || street, 'city', city,
                                                'postalCode', lpad((i %% 99999)::text, 5, '0'),
                                                'country', country) END,
                   CASE WHEN team_type <> 'DEFAULT' THEN team_type END,
                   team_type <> 'DEFAULT' OR r_verified < 0.4,
                   floor(r_balance * 1000001)::bigint,
                   CASE WHEN r_credits < 0.6 THEN 0 ELSE floor((r_credits - 0.6) / 0.4 * 500)::bigint * 100 END,
                   'USD',
                   2,
                   CASE WHEN r_state < 0.05 THEN 'OFF' ELSE 'ON' END,
                   tags,
                   string_to_array(lower(array_to_string(tags, ',')), ','),
                   lower(array_to_string(tags, ',')),
                   now() - r_registered * interval '1095 days'
              FROM (SELECT i, r_phone, r_verified, r_balance, r_credits, r_state, r_registered,
                           CASE WHEN r_type < 0.20 THEN 'ENTERPRISE'
                                WHEN r_type < 0.75 THEN 'INDIVIDUAL'
                                ELSE 'DEFAULT' END AS team_type,
                           %s || %s AS brand,
                           %s AS company_kind,
                           %s AS legal_form,
                           %s AS department,
                           %s AS adjective,
                           %s AS noun,
                           %s AS first_name,
                           %s AS last_name,
                           %s AS domain,
                           %s AS street,
                           (ARRAY[%s])[1 + floor(r_city * %d)::int] AS city,
                           (ARRAY[%s])[1 + floor(r_city * %d)::int] AS country,
                           array_remove(ARRAY[
                               CASE WHEN r_tier < 0.05 THEN 'gold'
                                    WHEN r_tier < 0.20 THEN 'silver'
                                    WHEN r_tier < 0.45 THEN 'bronze' END,
                               CASE WHEN r_beta < 0.10 THEN 'beta' END,
                               CASE WHEN r_vip < 0.04 THEN 'VIP' END,
                               CASE WHEN r_churn < 0.08 THEN 'churn-risk' END,
                               CASE WHEN r_news < 0.12 THEN 'newsletter' END], NULL) AS tags
                      FROM (SELECT i, random() AS r_type, random() AS r_brand1, random() AS r_brand2,
                                   random() AS r_kind, random() AS r_legal, random() AS r_department,
                                   random() AS r_adjective, random() AS r_noun, random() AS r_first,
                                   random() AS r_last, random() AS r_domain, random() AS r_street,
                                   random() AS r_city, random() AS r_phone, random() AS r_verified,
                                   random() AS r_balance, random() AS r_credits, random() AS r_state,
                                   random() AS r_tier, random() AS r_beta, random() AS r_vip, random() AS r_churn,
                                   random() AS r_news, random() AS r_registered
                              FROM generate_series(1, ?) AS i) AS randoms) AS customers""".formatted(
            pick(BRAND_STARTS, "r_brand1"), pick(BRAND_ENDS, "r_brand2"), pick(COMPANY_KINDS, "r_kind"),
            pick(LEGAL_FORMS, "r_legal"), pick(DEPARTMENTS, "r_department"), pick(ADJECTIVES, "r_adjective"),
            pick(NOUNS, "r_noun"), pick(FIRST_NAMES, "r_first"), pick(LAST_NAMES, "r_last"),
            pick(DOMAINS, "r_domain"), pick(STREETS, "r_street"), literals(CITIES), CITIES.size(),
            literals(COUNTRIES), COUNTRIES.size());

    /** Search terms of 4-5 letters that each name one brand; the benchmark takes the one nearest 300 matches. */
    public static final List<String> SEARCH_CANDIDATES = List.of("zenix", "torus", "calix", "xanon", "dexon", "norex");

    private CustomerListLoad() {
    }

    public static Timings load(String url, String user, String password, UUID platformId, int rows,
                        Consumer<String> progress) throws SQLException, InterruptedException {
        long insertNanos;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.4242)");
            Thread watcher = watch(url, user, password, progress, rows);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, platformId);
                insert.setInt(2, rows);
                int inserted = insert.executeUpdate();
                if (inserted != rows) {
                    throw new IllegalStateException("Inserted " + inserted + " rows, wanted " + rows);
                }
            } finally {
                watcher.interrupt();
                watcher.join();
            }
            insertNanos = System.nanoTime() - started;
            try (PreparedStatement counts = connection.prepareStatement("""
                    INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
                    SELECT platform_id, 'all', '', count(*) FROM customer_list WHERE platform_id = ?1 GROUP BY 1
                    UNION ALL
                    SELECT platform_id, 'state', state, count(*) FROM customer_list WHERE platform_id = ?1 GROUP BY 1, 3
                    UNION ALL
                    SELECT platform_id, 'teamType', team_type, count(*) FROM customer_list WHERE platform_id = ?1
                     GROUP BY 1, 3
                    UNION ALL
                    SELECT platform_id, 'tag', tag, count(*) FROM customer_list, unnest(tag_keys) AS tag
                     WHERE platform_id = ?1 GROUP BY 1, 3
                    ON CONFLICT (platform_id, facet, value) DO UPDATE SET customers = EXCLUDED.customers"""
                    .replace("?1", "'" + platformId + "'::uuid"))) {
                counts.executeUpdate();
            }
            progress.accept(String.format(Locale.ROOT, "inserted %,d rows in %.1f s; VACUUM (ANALYZE) customer_list",
                    rows, insertNanos / 1e9));
            statement.execute("SET maintenance_work_mem = '256MB'");
            started = System.nanoTime();
            statement.execute("VACUUM (ANALYZE) customer_list");
            statement.execute("ANALYZE customer_facet_counts");
            return new Timings(insertNanos, System.nanoTime() - started);
        }
    }

    /** Prints the growing size of the table and its indexes while the one big INSERT runs. */
    private static Thread watch(String url, String user, String password, Consumer<String> progress, int rows) {
        long started = System.nanoTime();
        Thread thread = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    TimeUnit.SECONDS.sleep(10);
                    try (ResultSet rs = statement.executeQuery(
                            "SELECT pg_relation_size('customer_list'), pg_indexes_size('customer_list')")) {
                        rs.next();
                        progress.accept(String.format(Locale.ROOT,
                                "loading %,d rows: %.0f s, heap %,d MB, indexes %,d MB", rows,
                                (System.nanoTime() - started) / 1e9, rs.getLong(1) >> 20, rs.getLong(2) >> 20));
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                progress.accept("load progress unavailable: " + e.getMessage());
            }
        }, "load-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The sizes of the table and of each of its indexes, as lines to print. */
    public static List<String> sizes(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT c.relname, pg_relation_size(c.oid), c.relkind
                       FROM pg_class c
                      WHERE c.oid = 'customer_list'::regclass
                         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'customer_list'::regclass)
                      ORDER BY c.relkind DESC, c.relname""")) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "%-28s %,8d MB", rs.getString(1), rs.getLong(2) >> 20));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_total_relation_size('customer_list')")) {
            rs.next();
            lines.add(String.format(Locale.ROOT, "%-28s %,8d MB", "total (with TOAST)", rs.getLong(1) >> 20));
        }
        return lines;
    }

    private static String pick(List<String> words, String random) {
        return "(ARRAY[" + literals(words) + "])[1 + floor(" + random + " * " + words.size() + ")::int]";
    }

    private static String literals(List<String> words) {
        return words.stream().map(word -> "'" + word.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }
}
