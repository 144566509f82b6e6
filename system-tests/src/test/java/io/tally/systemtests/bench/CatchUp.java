package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;
import io.tally.testsupport.bench.BenchDatabase;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits until the stack has applied every write it answered: every event-store processor of every
 * service (those its {@code tally_processor_behind} gauge names) has handled the last event of its
 * service's event store, and then the customer list, read through the gateway, shows every balance
 * a refill was answered with (customer-service takes it from Kafka, after the ledger's publisher).
 * <p>
 * The gauge itself is refreshed every 5 s, too coarse to time a catch-up of a second or two, so the
 * positions are read where the processors store them: the token table of the service's database
 * (the position of the processor's slowest segment), against the highest global index of its event
 * store — the gauge's own sum, read when asked. The list is read only once the event stores are
 * done, so that the reads cost the stack little while it catches up.
 */
final class CatchUp implements AutoCloseable {

    /** A service: its name, its management port, and its database. */
    record Service(String name, URI managementUrl, String database) {
    }

    /**
     * One catch-up: how long until the event stores' processors were done and until the list showed
     * every balance, and how far each processor was behind when the wait began.
     */
    record Result(double eventStoreSeconds, double seconds, Map<String, Long> behindAtStart, int listReads) {

        long eventsBehindAtStart() {
            return behindAtStart.values().stream().mapToLong(Long::longValue).sum();
        }

        String brief() {
            Map<String, Long> behind = new LinkedHashMap<>();
            behindAtStart.forEach((processor, events) -> {
                if (events > 0) {
                    behind.put(processor, events);
                }
            });
            return String.format(Locale.ROOT, "caught up after %.2f s (event stores %.2f s, then %d "
                    + "read%s of the list); behind when the writes ended: %s", seconds, eventStoreSeconds, listReads,
                    listReads == 1 ? "" : "s",
                    behind.isEmpty() ? "nothing" : behind + " events");
        }
    }

    private static final Pattern GAUGE = Pattern.compile("^tally_processor_behind\\{([^}]*)}\\s+\\S+$");
    private static final Pattern PROCESSOR = Pattern.compile("processor=\"([^\"]+)\"");
    private static final String POSITIONS = """
            SELECT p.name, (SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry) AS head,
                   (SELECT MIN(COALESCE(convert_from(t.token, 'UTF8')::jsonb ->> 'index',
                                        convert_from(t.token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint)
                      FROM tokenentry t WHERE t.processorname = p.name) AS position
              FROM unnest(?::text[]) AS p(name)""";

    private final Api gateway;
    private final BenchPlatform platform;
    private final BenchDatabase server;
    private final List<Service> services;
    private final int pollMillis;
    private final int timeoutSeconds;
    private final Consumer<String> say;
    private final Map<Service, List<String>> processors = new LinkedHashMap<>();
    private final Map<Service, Connection> connections = new HashMap<>();

    CatchUp(Api gateway, BenchPlatform platform, BenchDatabase server, List<Service> services, int pollMillis,
            int timeoutSeconds, Consumer<String> say) {
        this.gateway = gateway;
        this.platform = platform;
        this.server = server;
        this.services = services;
        this.pollMillis = pollMillis;
        this.timeoutSeconds = timeoutSeconds;
        this.say = say;
    }

    /** The event-store processors each service's gauge names, and a connection to each service's database. */
    void discover() throws SQLException {
        for (Service service : services) {
            Api.Response metrics = new Api(service.managementUrl()).get("/actuator/prometheus", null);
            if (metrics.status() != 200) {
                throw new IllegalStateException(service.name() + ": /actuator/prometheus answered " + metrics);
            }
            List<String> names = new ArrayList<>();
            for (String line : metrics.body().split("\n")) {
                Matcher gauge = GAUGE.matcher(line.strip());
                Matcher processor = gauge.matches() ? PROCESSOR.matcher(gauge.group(1)) : null;
                if (processor != null && processor.find()) {
                    names.add(processor.group(1));
                }
            }
            Connection connection = server.connect(service.database());
            connections.put(service, connection);
            List<String> stored = storedPositions(connection);
            processors.put(service, names.stream().filter(stored::contains).toList());
            say.accept("  " + service.name() + ": event-store processors (its gauge's) with a stored position "
                    + behind(service) + " events behind; without one (subscribing: they run in the writer's "
                    + "transaction) " + names.stream().filter(name -> !stored.contains(name)).toList());
        }
    }

    /** Waits until everything {@code expected} (customer, balance) says was written has been applied. */
    Result await(Map<String, BigDecimal> expected) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Map<String, Long> atStart = behind();
        Map<String, Long> now = atStart;
        while (now.values().stream().anyMatch(events -> events > 0)) {
            sleepOrGiveUp(deadline, "the event-store processors, still behind: " + now);
            now = behind();
        }
        double eventStore = SystemBenchmark.secondsSince(started);
        int reads = 1;
        List<String> missing = notShown(expected);
        while (!missing.isEmpty()) {
            sleepOrGiveUp(deadline, "the customer list, " + missing.size() + " customers without their balance, "
                    + "such as " + missing.get(0));
            missing = notShown(expected);
            reads++;
        }
        return new Result(eventStore, SystemBenchmark.secondsSince(started), atStart, reads);
    }

    private void sleepOrGiveUp(long deadline, String waitingFor) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not caught up within " + timeoutSeconds + " s: " + waitingFor);
        }
        TimeUnit.MILLISECONDS.sleep(pollMillis);
    }

    private static List<String> storedPositions(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT processorname FROM tokenentry");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Events each processor, named service/processor, has yet to handle. */
    private Map<String, Long> behind() throws SQLException {
        Map<String, Long> behind = new LinkedHashMap<>();
        for (Service service : services) {
            behind(service).forEach((processor, events) -> behind.put(service.name() + "/" + processor, events));
        }
        return behind;
    }

    /** A processor whose position went missing counts as behind by the whole event store. */
    private Map<String, Long> behind(Service service) throws SQLException {
        Map<String, Long> behind = new LinkedHashMap<>();
        Connection connection = connections.get(service);
        try (PreparedStatement statement = connection.prepareStatement(POSITIONS)) {
            Array names = connection.createArrayOf("text", processors.get(service).toArray());
            statement.setArray(1, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long head = rs.getLong("head");
                    long position = rs.getLong("position");
                    behind.put(rs.getString("name"), rs.wasNull() ? head + 1 : Math.max(0, head - position));
                }
            }
        }
        return behind;
    }

    /** The customers whose row in the list, read through the gateway, shows less than the balance expected. */
    private List<String> notShown(Map<String, BigDecimal> expected) {
        Map<String, BigDecimal> shown = new HashMap<>();
        String cursor = null;
        do {
            String path = "/api/v1/customers?limit=200" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Api.Response page = gateway.get(path, platform.adminToken());
            if (page.status() != 200) {
                throw new IllegalStateException("the customer list answered " + page);
            }
            page.json().path("items").forEach(row -> shown.put(row.path("id").asText(),
                    new BigDecimal(row.path("balance").asText("0"))));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return expected.entrySet().stream()
                .filter(e -> shown.getOrDefault(e.getKey(), BigDecimal.ZERO).compareTo(e.getValue()) < 0)
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // on the way out
            }
        });
    }
}
