package io.tally.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.replay.LedgerReplay;
import io.tally.systemtests.replay.LedgerReplay.CustomerFigures;
import io.tally.systemtests.replay.LedgerReplay.PlatformFigures;
import io.tally.systemtests.replay.LedgerTopic;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.ServiceProcess;
import io.tally.systemtests.support.TallySystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault drill on a {@link TallySystem.Layout#faults()} system: writers send refills, credit grants, tag changes
 * and sign-ins through both gateways steadily while {@link Fault#all the faults} happen one after another.
 * For each fault it times the healing: until the last refused or lost answer, and until the customer list again
 * shows every refill accepted a second before. Afterwards it checks everything accepted: each refill in the ledger
 * exactly once, every entry on the ledger topic (duplicates dropped by id), every tag change on the customer topic,
 * the list equal to the ledger topic's replay, every hash chain, the pool law, every processor of every instance
 * caught up with no segment unclaimed, and no token keeping gaps by the thousand.
 */
public final class FaultDrill {

    /**
     * {@code refillWriters}: clients refilling a customer each; {@code pauseMillis} between one client's writes;
     * {@code steadyMillis} of writes before the first fault and between faults; {@code observeMillis}: the least time
     * a fault is watched; {@code postgresDownMillis}: how long PostgreSQL stays down after the immediate stop.
     */
    public record Settings(int refillWriters, long pauseMillis, long steadyMillis, long observeMillis,
                           long postgresDownMillis) {

        /** The short drill of the system tests. */
        public static Settings brief() {
            return new Settings(3, 100, 2_000, 4_000, 2_000);
        }
    }

    /**
     * How one fault healed: the attempts refused meanwhile (statuses and codes, {@code 0} a lost answer), the time
     * from the fault to the last of them, and to the list being within a second of the writes again.
     */
    public record Healing(String fault, int refused, int lost, Map<String, Integer> answers, Duration answersHealed,
                          Duration stalled, Duration listCaughtUp, Duration injected) {
    }

    /** What the drill found: the healing of each fault, the writes accepted by kind, and every broken rule. */
    public record Outcome(List<Healing> healings, Map<String, Integer> acceptedByKind, long duplicatesDropped,
                          List<String> problems) {

        public String report() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%-62s %7s %8s %5s %14s %14s %12s  %s%n", "fault", "lasted", "refused", "lost",
                    "last refusal", "none accepted", "list in 1 s", "answers while it lasted"));
            for (Healing healing : healings) {
                text.append(String.format("%-62s %6.1fs %8d %5d %13.1fs %13.1fs %12s  %s%n", healing.fault(),
                        seconds(healing.injected()), healing.refused(), healing.lost(), seconds(healing.answersHealed()),
                        seconds(healing.stalled()),
                        healing.listCaughtUp() == null ? "never" : String.format("%.1fs", seconds(healing.listCaughtUp())),
                        healing.answers()));
            }
            text.append("accepted writes: ").append(acceptedByKind).append('\n');
            text.append("duplicates on the ledger topic, dropped by id: ").append(duplicatesDropped).append('\n');
            text.append(problems.isEmpty() ? "0 lost, 0 applied twice; every check held\n"
                    : "PROBLEMS:\n  " + String.join("\n  ", problems) + "\n");
            return text.toString();
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    private static final Duration HEAL_WITHIN = Duration.ofMinutes(3);
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(2);
    private static final long LIST_LAG_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long QUIET_NANOS = Duration.ofSeconds(3).toNanos();
    /** Gaps a token may keep: a few per fault (appends rolled back); a pile means appends refused as a rule. */
    private static final int MOST_GAPS = 1_000;
    private static final String CUSTOMER_TOPIC = "tally.customer.events";
    private static final String TAGS_SET = "io.tally.customer.CustomerTagsSet.v1";
    private static final Pattern GAPS = Pattern.compile("\"gaps\"\\s*:\\s*\\[([^\\]]*)\\]");

    private final TallySystem system;
    private final Settings settings;
    private final Consumer<String> say;
    private final Console console;
    private final List<Api> gateways;
    private final List<Writer.Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Writer> refills = new LinkedHashMap<>();
    private final List<Writer> writers = new ArrayList<>();
    private Platform platform;
    private AtomicReference<String> token;
    private String creditsCustomer;
    private Writer credits;
    private String tagsCustomer;
    private Writer tags;

    public FaultDrill(TallySystem system, Settings settings, Consumer<String> say) {
        this.system = system;
        this.settings = settings;
        this.say = say;
        this.console = system.console();
        this.gateways = system.instances(TallySystem.GATEWAY).stream().map(gateway -> new Api(gateway.uri())).toList();
    }

    public Outcome run() {
        writers.addAll(prepare());
        List<Thread> threads = new ArrayList<>();
        for (Writer writer : writers) {
            Thread thread = new Thread(writer, writer.name());
            thread.start();
            threads.add(thread);
        }
        List<Healing> healings = new ArrayList<>();
        Console.pause(settings.steadyMillis());
        for (Fault fault : Fault.all(system, settings.postgresDownMillis())) {
            say.accept("fault: " + fault.name());
            healings.add(observe(fault));
            Healing healing = healings.get(healings.size() - 1);
            say.accept(String.format("  healed: last refusal after %.1f s, none accepted for %.1f s at most, list "
                            + "within a second after %s (%d refused, %d lost)", healing.answersHealed().toMillis() / 1000.0,
                    healing.stalled().toMillis() / 1000.0, healing.listCaughtUp(), healing.refused(), healing.lost()));
            fault.mend().run();
            Console.pause(settings.steadyMillis());
        }
        writers.forEach(Writer::stop);
        for (Thread thread : threads) {
            join(thread);
        }
        writers.stream().filter(writer -> writer.unresolved() > 0).forEach(writer ->
                problems.add(writer.name() + ": a write was refused for minutes and given up"));
        Map<String, Integer> acceptedByKind = new TreeMap<>();
        writers.forEach(writer -> acceptedByKind.merge(writer.kind(), writer.accepted().size(), Integer::sum));
        say.accept("writes stopped: " + acceptedByKind + "; checking what was accepted");
        long duplicates = check();
        return new Outcome(healings, acceptedByKind, duplicates, List.copyOf(problems));
    }

    /** A platform, its pool, the writers' customers (each refilled once, so the ledger knows it). */
    private List<Writer> prepare() {
        platform = console.newPlatform("1000.00");
        token = new AtomicReference<>(platform.adminToken());
        List<Writer> made = new ArrayList<>();
        for (int index = 0; index < settings.refillWriters(); index++) {
            String customer = customer("refill" + index);
            String name = "refill-" + index;
            Writer writer = writer(name, "refill", index, (gateway, step) -> gateway.send("POST",
                    "/api/v1/customers/" + customer + "/balance/refills", token.get(),
                    Map.of("amount", "1.00", "note", "fault drill"), Map.of("Idempotency-Key", name + "-" + step)),
                    200);
            refills.put(customer, writer);
            made.add(writer);
        }
        creditsCustomer = customer("credits");
        credits = writer("credits", "credits", 1, (gateway, step) -> gateway.send("PUT",
                "/api/v1/customers/" + creditsCustomer + "/credits", token.get(),
                Map.of("amount", creditsOf(step)), Map.of("Idempotency-Key", "credits-" + step)), 200);
        made.add(credits);
        tagsCustomer = customer("tags");
        tags = writer("tags", "tags", 0, (gateway, step) -> gateway.put("/api/v1/customers/" + tagsCustomer + "/tags",
                token.get(), Map.of("tags", List.of("step-" + step))), 204);
        made.add(tags);
        made.add(writer("sign-in", "sign-in", 1, (gateway, step) -> {
            Api.Response answer = gateway.post("/api/v1/auth/login", null,
                    Map.of("username", platform.adminEmail(), "password", platform.adminPassword()));
            if (answer.status() == 200) {
                // The other writers go on with the newest token: a long drill outlives the first one.
                token.set(answer.json().path("accessToken").asText());
            }
            return answer;
        }, 200));
        return made;
    }

    private Writer writer(String name, String kind, int firstGateway, BiFunction<Api, Integer, Api.Response> send,
                          int acceptedStatus) {
        return new Writer(name, kind, gateways, send, acceptedStatus, settings.pauseMillis(), refusals,
                firstGateway % gateways.size());
    }

    private String customer(String who) {
        String customer = console.createCustomer(platform, Console.uniqueEmail("drill-" + who), "Drill " + who);
        Api.Response first = console.refill(platform, customer, "1.00", "drill-first-" + customer);
        if (first.status() != 200) {
            throw new IllegalStateException("first refill of " + customer + ": " + first);
        }
        return customer;
    }

    private static String creditsOf(int step) {
        return (step % 20 + 1) + ".00";
    }

    /** Injects the fault and watches until answers are accepted again and the list is within a second again. */
    private Healing observe(Fault fault) {
        int before = refusals.size();
        long start = System.nanoTime();
        fault.inject().run();
        long injected = System.nanoTime();
        Long listCaughtUp = null;
        long deadline = start + HEAL_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (listCaughtUp == null && now - start >= Duration.ofSeconds(2).toNanos() && listWithinASecond(now)) {
                listCaughtUp = now;
            }
            List<Writer.Refusal> since = refusals.subList(before, refusals.size());
            long lastRefusal = since.isEmpty() ? start : since.get(since.size() - 1).atNanos();
            if (listCaughtUp != null && now - start >= settings.observeMillis() * 1_000_000
                    && now - lastRefusal >= QUIET_NANOS) {
                break;
            }
            Console.pause(250);
        }
        List<Writer.Refusal> during = List.copyOf(refusals.subList(before, refusals.size()));
        long lastRefusal = during.isEmpty() ? start : during.get(during.size() - 1).atNanos();
        Map<String, Integer> answers = new TreeMap<>();
        during.forEach(refusal -> answers.merge(refusal.status() + (refusal.code() == null ? "" : " " + refusal.code()),
                1, Integer::sum));
        int lost = (int) during.stream().filter(refusal -> refusal.status() == Writer.LOST).count();
        if (listCaughtUp == null) {
            problems.add(fault.name() + ": the list was still more than a second behind after " + HEAL_WITHIN);
        }
        during.stream().filter(refusal -> !transientAnswer(refusal)).forEach(refusal -> problems.add(
                fault.name() + ": " + refusal.writer() + " was answered " + refusal.status() + " " + refusal.code()));
        return new Healing(fault.name(), during.size() - lost, lost, answers, Duration.ofNanos(lastRefusal - start),
                Duration.ofNanos(longestWithoutAcceptance(start, System.nanoTime())),
                listCaughtUp == null ? null : Duration.ofNanos(listCaughtUp - start), Duration.ofNanos(injected - start));
    }

    /** The longest time between {@code from} and {@code to} in which no writer had a write accepted. */
    private long longestWithoutAcceptance(long from, long to) {
        long[] times = writers.stream().flatMap(writer -> writer.accepted().stream()).mapToLong(Writer.Accepted::atNanos)
                .filter(at -> at >= from && at <= to).sorted().toArray();
        long longest = 0;
        long previous = from;
        for (long at : times) {
            longest = Math.max(longest, at - previous);
            previous = at;
        }
        return Math.max(longest, to - previous);
    }

    /**
     * The answers a fault may give: a lost answer, the gateway finding no instance (502, 503, 504), the documented
     * 503 {@code outcome_unknown} and 409 {@code concurrent_change}, which a client sends again. Never a 500, never a
     * 4xx that says the write itself was wrong.
     */
    private static boolean transientAnswer(Writer.Refusal refusal) {
        return switch (refusal.status()) {
            case Writer.LOST, 502, 503, 504 -> true;
            case 409 -> "concurrent_change".equals(refusal.code());
            default -> false;
        };
    }

    /** Whether each refill customer's row shows every refill accepted a second before {@code now}. */
    private boolean listWithinASecond(long now) {
        for (Map.Entry<String, Writer> refill : refills.entrySet()) {
            long required = 1 + refill.getValue().acceptedBy(now - LIST_LAG_NANOS);
            JsonNode row = read("/api/v1/customers/" + refill.getKey());
            if (row == null || !row.hasNonNull("balance")
                    || new BigDecimal(row.path("balance").asText()).compareTo(BigDecimal.valueOf(required)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A read through whichever gateway answers it; null when none does. */
    private JsonNode read(String path) {
        for (Api gateway : gateways) {
            try {
                Api.Response answer = gateway.get(path, token.get());
                if (answer.status() == 200) {
                    return answer.json();
                }
            } catch (UncheckedIOException unreachable) {
                // the next gateway
            }
        }
        return null;
    }

    /** Every check of what was accepted; answers the duplicates the topic's replay dropped. */
    private long check() {
        Map<String, List<Writer.Accepted>> ledgerWrites = new LinkedHashMap<>();
        refills.forEach((customer, writer) -> ledgerWrites.put(customer, writer.accepted()));
        ledgerWrites.put(creditsCustomer, credits.accepted());

        // Each accepted write one entry of its own, no entry twice.
        ledgerWrites.forEach((customer, accepted) -> {
            Set<String> entries = accepted.stream().map(each -> each.answer().json().path("entryId").asText())
                    .collect(Collectors.toSet());
            if (entries.size() != accepted.size()) {
                problems.add(customer + ": " + accepted.size() + " accepted writes answered " + entries.size()
                        + " distinct entries");
            }
        });
        // The ledger: each chain holds and has the first refill and every accepted write, once.
        ledgerWrites.forEach((customer, accepted) -> {
            boolean agreed = await(() -> {
                JsonNode verification = read("/api/v1/customers/" + customer + "/ledger/verification");
                return verification != null && verification.path("ok").asBoolean()
                        && verification.path("entries").asInt() == 1 + accepted.size();
            });
            if (!agreed) {
                problems.add(customer + ": the ledger's chain does not verify with " + (1 + accepted.size())
                        + " entries: " + read("/api/v1/customers/" + customer + "/ledger/verification"));
            }
        });
        JsonNode poolVerification = read("/api/v1/credit-pool/verification");
        if (poolVerification == null || !poolVerification.path("ok").asBoolean()) {
            problems.add("the pool's chain does not verify: " + poolVerification);
        }

        // The topic from offset 0, as an outside consumer reads it, until the last accepted entry of each is on it.
        LedgerReplay[] replay = new LedgerReplay[1];
        boolean onTopic = await(() -> {
            replay[0] = LedgerTopic.replay(system.kafkaBootstrapServers(), Duration.ofSeconds(20));
            return ledgerWrites.entrySet().stream().allMatch(customer -> {
                CustomerFigures figures = replay[0].customers().get(customer.getKey());
                List<Writer.Accepted> accepted = customer.getValue();
                return figures != null && figures.entries() == 1 + accepted.size() && (accepted.isEmpty()
                        || accepted.get(accepted.size() - 1).answer().json().path("entryId").asText()
                        .equals(figures.lastEntryId()));
            });
        });
        if (!onTopic) {
            problems.add("the ledger topic does not hold every accepted entry once: " + replay[0].customers());
            return replay[0].duplicatesDropped();
        }
        if (!replay[0].broken().isEmpty()) {
            problems.add("chains broken on the topic: " + replay[0].broken());
        }
        refills.forEach((customer, writer) -> expectFigures(replay[0], customer,
                100L * (1 + writer.accepted().size()), 0));
        List<Writer.Accepted> grants = credits.accepted();
        long granted = grants.isEmpty() ? 0 : new BigDecimal(creditsOf(grants.get(grants.size() - 1).step()))
                .movePointRight(2).longValueExact();
        expectFigures(replay[0], creditsCustomer, 100, granted);

        // The pool law, on the topic and in the API.
        PlatformFigures pool = replay[0].platforms().get(platform.id());
        if (pool == null || pool.total() != 100_000 || pool.allocated() != granted
                || pool.available() != pool.total() - pool.allocated()) {
            problems.add("the pool on the topic breaks the law (total 1000.00, allocated " + granted + "): " + pool);
        }
        boolean poolAgrees = await(() -> {
            JsonNode api = read("/api/v1/credit-pool");
            return api != null && pool != null && minor(api, "total") == pool.total()
                    && minor(api, "allocated") == pool.allocated() && minor(api, "available") == pool.available();
        });
        if (!poolAgrees) {
            problems.add("the pool in the API differs from the topic's: " + read("/api/v1/credit-pool"));
        }

        // The list equals the replay, and shows the last tags accepted.
        List<Writer.Accepted> tagged = tags.accepted();
        String lastTag = tagged.isEmpty() ? null : "step-" + tagged.get(tagged.size() - 1).step();
        boolean tagsShown = await(() -> {
            JsonNode row = read("/api/v1/customers/" + tagsCustomer);
            return row != null && (lastTag == null || row.path("tags").toString().equals("[\"" + lastTag + "\"]"));
        });
        if (!tagsShown) {
            problems.add("the list does not show the last tags accepted (" + lastTag + "): "
                    + read("/api/v1/customers/" + tagsCustomer));
        }
        Set<String> steps = tagged.stream().map(each -> "step-" + each.step()).collect(Collectors.toSet());
        if (!await(() -> tagsOnTopic().containsAll(steps))) {
            Set<String> missing = new TreeSet<>(steps);
            missing.removeAll(tagsOnTopic());
            problems.add("tag changes accepted but not on " + CUSTOMER_TOPIC + ": " + missing);
        }
        processorsCaughtUp();
        return replay[0].duplicatesDropped();
    }

    /** Every tag the tags customer was given on the customer topic, each record once by its {@code ce_id}. */
    private Set<String> tagsOnTopic() {
        Set<String> ids = new HashSet<>();
        Set<String> tagged = new HashSet<>();
        LedgerTopic.read(system.kafkaBootstrapServers(), CUSTOMER_TOPIC, Duration.ofSeconds(20), record -> {
            if (tagsCustomer.equals(record.key()) && TAGS_SET.equals(record.value().getType())
                    && ids.add(record.value().getId()) && record.value().getData() != null) {
                try {
                    Api.JSON.readTree(record.value().getData().toBytes()).path("tags")
                            .forEach(tag -> tagged.add(tag.asText()));
                } catch (IOException unreadable) {
                    problems.add("an unreadable record on " + CUSTOMER_TOPIC + ": " + record.value().getId());
                }
            }
        });
        return tagged;
    }

    /** The topic's figures for the customer, and the list's row equal to them. */
    private void expectFigures(LedgerReplay replay, String customer, long balance, long credits) {
        CustomerFigures figures = replay.customers().get(customer);
        if (figures.balance() != balance || figures.credits() != credits) {
            problems.add(customer + " on the topic: balance " + figures.balance() + " and credits " + figures.credits()
                    + " (minor units), accepted writes make " + balance + " and " + credits);
        }
        boolean listed = await(() -> {
            JsonNode row = read("/api/v1/customers/" + customer);
            return row != null && row.hasNonNull("balance") && minor(row, "balance") == figures.balance()
                    && minor(row, "credits") == figures.credits();
        });
        if (!listed) {
            problems.add(customer + " in the list differs from the topic's replay " + figures + ": "
                    + read("/api/v1/customers/" + customer));
        }
    }

    /** Every instance's processors at the head of its event store, and every segment of every processor claimed. */
    private void processorsCaughtUp() {
        for (String service : List.of(TallySystem.CUSTOMER, TallySystem.LEDGER, TallySystem.AUTH)) {
            for (ServiceProcess instance : system.instances(service)) {
                boolean caughtUp = await(() -> behind(instance) == 0);
                if (!caughtUp) {
                    problems.add(instance.name() + ": its processors are " + behind(instance) + " events behind");
                }
            }
        }
        for (String database : List.of("customers", "ledger", "auth")) {
            boolean claimed = await(() -> unclaimedSegments(database).isEmpty());
            if (!claimed) {
                problems.add("segments no instance holds in " + database + ": " + unclaimedSegments(database));
            }
            tokenGaps(database).forEach((segment, gaps) -> {
                if (gaps > MOST_GAPS) {
                    problems.add(segment + " in " + database + " keeps " + gaps + " gaps (more than " + MOST_GAPS
                            + "): appends refused or rolled back by the hundred, each copied with every event");
                }
            });
        }
    }

    /** The gaps each stored token keeps (a token is JSON: {"index":…,"gaps":[…]}), by processor and segment. */
    private Map<String, Integer> tokenGaps(String database) {
        Map<String, Integer> gaps = new TreeMap<>();
        try (Connection connection = system.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processorname, segment, convert_from(token, 'UTF8') "
                     + "FROM tokenentry WHERE token IS NOT NULL")) {
            while (rows.next()) {
                Matcher list = GAPS.matcher(rows.getString(3));
                gaps.put(rows.getString(1) + "#" + rows.getInt(2),
                        list.find() && !list.group(1).isBlank() ? list.group(1).split(",").length : 0);
            }
        } catch (SQLException e) {
            problems.add("the tokens of " + database + " are unreadable: " + e.getMessage());
        }
        return gaps;
    }

    /** The sum of the instance's {@code tally.processor.behind} gauges; -1 when it cannot be read. */
    private static double behind(ServiceProcess instance) {
        try {
            Api.Response metric = new Api(instance.managementUri()).get("/actuator/metrics/tally.processor.behind", null);
            return metric.status() == 200 ? metric.json().path("measurements").path(0).path("value").asDouble(-1) : -1;
        } catch (UncheckedIOException unreachable) {
            return -1;
        }
    }

    private List<String> unclaimedSegments(String database) {
        List<String> unclaimed = new ArrayList<>();
        try (Connection connection = system.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT processorname, segment FROM tokenentry WHERE owner IS NULL ORDER BY 1, 2")) {
            while (rows.next()) {
                unclaimed.add(rows.getString(1) + "#" + rows.getInt(2));
            }
        } catch (SQLException e) {
            unclaimed.add("unreadable: " + e.getMessage());
        }
        return unclaimed;
    }

    private static long minor(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText("0")).movePointRight(2).longValueExact();
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // a figure not there yet; asked again
            }
            Console.pause(500);
        }
        return false;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
