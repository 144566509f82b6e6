package io.tally.systemtests.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Browsers;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.CustomerListLoad;
import io.tally.testsupport.bench.Percentiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The console's benchmark: the real local stack (started by {@code bench/console.sh}), one
 * platform whose customer list holds a million customers (loaded straight into customer-service's
 * read model, as the customer-service benchmark loads it), and the Customer Management page in the
 * machine's headless Chromium, as an admin uses it:
 * <ol>
 *   <li>the initial JavaScript and CSS the page loads, raw and gzipped;</li>
 *   <li>time to first rows: the page opened afresh (a reload, the session restored through its
 *       cookie) until the first screen of rows is drawn, measured in the page from the navigation's
 *       start;</li>
 *   <li>a sort change (a click on a column's header), a filter change (a state picked in the
 *       State filter) and the next page (a click on Next page): from the click until the table shows
 *       the new rows and is no longer busy, p50 and p95.</li>
 * </ol>
 * Not a test: nothing runs it in CI. Settings are system properties, see {@link Settings}.
 */
public final class ConsoleBenchmark {

    private static final long STARTED = System.nanoTime();
    private static final String DATABASE = "customers";
    /** The list's first data row, and the table's busy flag (TanStack Query is fetching). */
    private static final String FIRST_ROW = "table.customer-table tbody tr";
    private static final String SETTLED_WITH_NEW_ROWS = """
            before => {
              const table = document.querySelector('table.customer-table');
              const row = document.querySelector('table.customer-table tbody tr');
              return table !== null && row !== null && table.getAttribute('aria-busy') === 'false'
                  && row.textContent !== before;
            }""";
    /** Records, from the navigation's start, when the first row was drawn. */
    private static final String FIRST_ROWS_OBSERVER = """
            new MutationObserver((changes, observer) => {
              if (document.querySelector('table.customer-table tbody tr')) {
                window.__tallyFirstRows = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true });""";

    /** The benchmark's knobs, as system properties with these defaults; the provider's login comes from the environment. */
    record Settings(URI gatewayUrl, String providerUsername, int rows, int loads, int changes, int warmup,
                    double firstRowsTargetMillis, double changeTargetMillis, int bundleTargetKb) {

        static Settings fromSystemProperties() {
            return new Settings(URI.create(System.getProperty("bench.gatewayUrl", "http://127.0.0.1:8680")),
                    System.getenv().getOrDefault("TALLY_PROVIDER_USERNAME", "provider@tally.local"),
                    Integer.getInteger("bench.rows", 1_000_000),
                    Integer.getInteger("bench.loads", 20),
                    Integer.getInteger("bench.changes", 40),
                    Integer.getInteger("bench.warmup", 5),
                    Double.parseDouble(System.getProperty("bench.firstRowsTargetMillis", "1000")),
                    Double.parseDouble(System.getProperty("bench.changeTargetMillis", "300")),
                    Integer.getInteger("bench.bundleTargetKb", 300));
        }
    }

    /** One measured interaction: its name, what it did, and its timings. */
    record Measured(String name, String how, Percentiles timings, double targetMillis) {
    }

    private final Settings settings;
    private final String providerPassword;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final Api gateway;

    private ConsoleBenchmark(Settings settings, String providerPassword) {
        this.settings = settings;
        this.providerPassword = providerPassword;
        this.gateway = new Api(settings.gatewayUrl());
    }

    public static void main(String[] args) {
        StackBenchmarkMain.run(providerPassword ->
                new ConsoleBenchmark(Settings.fromSystemProperties(), providerPassword).run());
    }

    private void run() throws Exception {
        say("console benchmark, " + settings);
        BenchMachine machine = BenchMachine.describe(server, ConsoleBenchmark::say);
        Path chromium = Browsers.chromium().orElseThrow(() ->
                new IllegalStateException("no Chromium on this machine: apt-get install chromium, or set TALLY_CHROMIUM"));

        BenchPlatform platform = new BenchPlatform(gateway, ConsoleBenchmark::say);
        platform.create(settings.providerUsername(), providerPassword, "1000000.00", 0);
        say(String.format(Locale.ROOT, "loading %,d customers into the list of platform %s (database %s)",
                settings.rows(), platform.platformId(), DATABASE));
        CustomerListLoad.Timings load = CustomerListLoad.load(server.urlOf(DATABASE), server.user(), server.password(),
                UUID.fromString(platform.platformId()), settings.rows(), ConsoleBenchmark::say);
        say(String.format(Locale.ROOT, "loaded in %.0f s (insert) + %.0f s (vacuum, analyze)",
                load.insertNanos() / 1e9, load.vacuumAnalyzeNanos() / 1e9));

        Map<String, long[]> bundle = bundle();
        List<Measured> measured = new ArrayList<>();
        Browsers browsers = Browsers.start(chromium);
        try {
            Browser browser = browsers.browser();
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setBaseURL(settings.gatewayUrl().toString()).setViewportSize(1440, 900))) {
                context.setDefaultTimeout(30_000);
                context.addInitScript(FIRST_ROWS_OBSERVER);
                Page page = context.newPage();
                signIn(page, platform);
                measured.add(firstRows(page));
                measured.add(changes(page, "sort", "a click on Balance's header (ascending, descending, ...)",
                        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Balance").setExact(true))));
                measured.add(filterChanges(page));
                page.navigate("/customers?limit=50");
                awaitRows(page);
                measured.add(changes(page, "next page", "a click on Next page (50 rows a page)",
                        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page").setExact(true))));
            }
        } finally {
            browsers.close();
        }
        report(machine, load, bundle, measured);
    }

    private void signIn(Page page, BenchPlatform platform) {
        page.navigate("/sign-in");
        page.getByLabel("Username").fill(platform.adminEmail());
        page.getByLabel(Pattern.compile("^Password")).fill(platform.adminPassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        awaitRows(page);
        say("signed in as " + platform.adminEmail() + "; the list shows " + page.getByText(Pattern.compile("customers$"))
                .first().textContent());
    }

    /** The page opened afresh, as a bookmark or a reload opens it: JavaScript, session, pool, first page. */
    private Measured firstRows(Page page) {
        Percentiles.Samples samples = new Percentiles.Samples();
        for (int i = 0; i < settings.warmup() + settings.loads(); i++) {
            page.navigate("/customers");
            awaitRows(page);
            double millis = ((Number) page.evaluate("() => window.__tallyFirstRows")).doubleValue();
            if (i >= settings.warmup()) {
                samples.add(Math.round(millis * 1e6));
            }
        }
        return new Measured("first rows", "the page opened afresh until its first rows are drawn (from the navigation's start)",
                Percentiles.join(List.of(samples)), settings.firstRowsTargetMillis());
    }

    /** From the click until the table shows other rows than before and is no longer busy. */
    private Measured changes(Page page, String name, String how, Supplier<Locator> control) {
        Percentiles.Samples samples = new Percentiles.Samples();
        for (int i = 0; i < settings.warmup() + settings.changes(); i++) {
            String before = page.locator(FIRST_ROW).first().textContent();
            long started = System.nanoTime();
            control.get().click();
            page.waitForFunction(SETTLED_WITH_NEW_ROWS, before);
            if (i >= settings.warmup()) {
                samples.add(System.nanoTime() - started);
            }
        }
        return new Measured(name, how, Percentiles.join(List.of(samples)), settings.changeTargetMillis());
    }

    /** The State filter set to ON, then OFF, and so on: each a different set of rows. */
    private Measured filterChanges(Page page) {
        Percentiles.Samples samples = new Percentiles.Samples();
        for (int i = 0; i < settings.warmup() + settings.changes(); i++) {
            String state = i % 2 == 0 ? "OFF" : "ON";
            String before = page.locator(FIRST_ROW).first().textContent();
            page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("State").setExact(true)).click();
            Locator option = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(state).setExact(true));
            option.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            long started = System.nanoTime();
            option.click();
            page.waitForFunction(SETTLED_WITH_NEW_ROWS, before);
            if (i >= settings.warmup()) {
                samples.add(System.nanoTime() - started);
            }
        }
        return new Measured("filter", "a state picked in the State filter (OFF, ON, ...) until its rows are drawn",
                Percentiles.join(List.of(samples)), settings.changeTargetMillis());
    }

    private static void awaitRows(Page page) {
        page.locator(FIRST_ROW).first().waitFor();
        page.waitForFunction("() => document.querySelector('table.customer-table').getAttribute('aria-busy') === 'false'");
    }

    /** The JavaScript and CSS that index.html loads, each raw and gzipped (level 6, as servers send it). */
    private Map<String, long[]> bundle() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String index = http.send(HttpRequest.newBuilder(settings.gatewayUrl().resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Matcher assets = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"").matcher(index);
        while (assets.find()) {
            byte[] body = http.send(HttpRequest.newBuilder(settings.gatewayUrl().resolve(assets.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            sizes.put(assets.group(1), new long[] {body.length, gzipped(body)});
        }
        if (sizes.isEmpty()) {
            throw new IllegalStateException("index.html names no script or stylesheet: " + index);
        }
        return sizes;
    }

    private static long gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private void report(BenchMachine machine, CustomerListLoad.Timings load, Map<String, long[]> bundle,
                        List<Measured> measured) {
        System.out.println();
        System.out.println("=== Console benchmark report ===");
        machine.print();
        System.out.printf(Locale.ROOT, "Customer list: %,d customers of one platform (loaded in %.0f s), "
                + "headless Chromium 1440x900, one admin, the stack on the same two cores.%n%n",
                settings.rows(), (load.insertNanos() + load.vacuumAnalyzeNanos()) / 1e9);
        long raw = 0;
        long gzip = 0;
        System.out.println("| initial asset | raw KB | gzipped KB |");
        System.out.println("| --- | ---: | ---: |");
        for (Map.Entry<String, long[]> asset : bundle.entrySet()) {
            raw += asset.getValue()[0];
            gzip += asset.getValue()[1];
            System.out.printf(Locale.ROOT, "| `%s` | %.1f | %.1f |%n", asset.getKey(),
                    asset.getValue()[0] / 1024.0, asset.getValue()[1] / 1024.0);
        }
        System.out.printf(Locale.ROOT, "| total | %.1f | %.1f (target <= %d: %s) |%n%n", raw / 1024.0, gzip / 1024.0,
                settings.bundleTargetKb(), gzip / 1024.0 <= settings.bundleTargetKb() ? "met" : "MISSED");
        System.out.println("| interaction | samples | p50 ms | p95 ms | max ms | target |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        for (Measured m : measured) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | p95 < %.0f ms: %s |%n", m.name(),
                    m.timings().count(), m.timings().ms(50), m.timings().ms(95), m.timings().maxMs(),
                    m.targetMillis(), m.timings().ms(95) < m.targetMillis() ? "met" : "MISSED");
        }
        System.out.println();
        for (Measured m : measured) {
            System.out.println("- " + m.name() + ": " + m.how());
        }
        System.out.printf(Locale.ROOT, "%nTotal run time %.0f s%n", (System.nanoTime() - STARTED) / 1e9);
    }

    private static void say(String message) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }
}
