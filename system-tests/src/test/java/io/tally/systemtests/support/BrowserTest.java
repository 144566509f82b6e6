package io.tally.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.tally.systemtests.support.Console.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of the console in a real browser against the running system: pages are found by role
 * and accessible name, as a keyboard or screen-reader user finds them. Each test gets fresh
 * browser contexts (no shared cookies); each page visited can be checked with axe-core, and
 * screenshots go to {@code target/screenshots/}. Every API call the console makes is held against
 * the API document, as the tests' own calls are.
 */
public abstract class BrowserTest extends SystemTest {

    private static final Path ROOT = Path.of(System.getProperty("tally.repository-root", "..")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = ROOT.resolve("system-tests/target/screenshots");
    private static final Path AXE = ROOT.resolve("console/node_modules/axe-core/axe.min.js");

    private static Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> departures = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<Request> documentCheck = this::holdToTheDocument;

    /** A failed test leaves a screenshot of each of its pages, to see what the user would have seen. */
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
        int index = 0;
        for (BrowserContext browserContext : contexts) {
            for (Page page : browserContext.pages()) {
                try {
                    screenshot(page, "failed-" + context.getRequiredTestMethod().getName() + "-" + index++);
                } catch (RuntimeException unavailable) {
                    failure.addSuppressed(unavailable);
                }
            }
        }
        throw failure;
    };

    @RegisterExtension
    static final org.junit.jupiter.api.extension.BeforeAllCallback BROWSER = context -> {
        Optional<Path> chromium = Browsers.chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "No Chromium on this machine (install Debian's chromium, or set TALLY_CHROMIUM): the console's browser tests are skipped.");
        browser = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Browsers.class, key -> Browsers.start(chromium.get()), Browsers.class)
                .browser();
    };

    @BeforeAll
    static void screenshots() throws IOException {
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void noContextsYet() {
        contexts.clear();
        departures.clear();
    }

    /** Closes the test's browsers; every API call the console made must have kept to the API document. */
    @AfterEach
    void closeContexts() {
        contexts.forEach(context -> {
            context.offRequestFinished(documentCheck);
            context.close();
        });
        assertThat(departures).as("the console's calls that depart from the API document").isEmpty();
    }

    /** A new browser profile (its own cookies), at the gateway's address. */
    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(api.base().toString())
                .setViewportSize(1440, 900)
                .setAcceptDownloads(true)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(10_000);
        context.onRequestFinished(documentCheck);
        contexts.add(context);
        return context.newPage();
    }

    /** One exchange of the console's with the API, held against the document as the API client's are. */
    private void holdToTheDocument(Request request) {
        URI uri = URI.create(request.url());
        Response response = request.response();
        if (!uri.getRawPath().startsWith("/api/") || response == null || isDownload(response)) {
            return;
        }
        String body;
        try {
            body = response.status() == 204 ? null : response.text();
        } catch (PlaywrightException unavailable) {
            departures.add(request.method() + " " + uri + ": the answer's body could not be read: " + unavailable.getMessage());
            return;
        }
        departures.addAll(system.contract().violations(request.method(), uri, headers(request.allHeaders()),
                request.postData(), response.status(), headers(response.allHeaders()), body));
    }

    /**
     * A CSV export the console downloads: the browser keeps its body from the page, so it cannot be
     * checked here; the API tests check the exports' exchanges.
     */
    private static boolean isDownload(Response response) {
        String disposition = response.headerValue("content-disposition");
        return disposition != null && disposition.startsWith("attachment");
    }

    private static HttpHeaders headers(Map<String, String> headers) {
        Map<String, List<String>> lists = new HashMap<>();
        headers.forEach((name, value) -> lists.put(name, List.of(value.split("\n"))));
        return HttpHeaders.of(lists, (name, value) -> true);
    }

    /** The admin signs in on the operators' sign-in page and lands on Customer Management. */
    protected Page signedInAdmin(Platform platform) {
        Page page = newPage();
        page.navigate("/");
        signIn(page, "Username", platform.adminEmail(), platform.adminPassword());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customer Management"))).isVisible();
        return page;
    }

    protected static void signIn(Page page, String usernameLabel, String username, String password) {
        page.getByLabel(usernameLabel).fill(username);
        page.getByLabel(Pattern.compile("^Password")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Picks one option of a segmented choice by its visible label, as a user clicks it. */
    protected static void choose(Page page, String group, String option) {
        Locator choice = page.getByRole(AriaRole.RADIOGROUP, named(group))
                .getByText(option, new Locator.GetByTextOptions().setExact(true));
        choice.click();
        assertThat(page.getByRole(AriaRole.RADIO, named(option))).isChecked();
    }

    protected static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** The whole page, scrolled through, as {@code target/screenshots/<name>.png}. */
    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** What the first screen shows, as {@code target/screenshots/<name>.png}. */
    protected static void firstScreen(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** axe-core over the page as it is now: no serious or critical violation. */
    protected static void assertAccessible(Page page, String what) {
        String source;
        try {
            source = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core comes with the console's npm packages: build the console module first", e);
        }
        page.evaluate(source);
        String json = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{ resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))");
        JsonNode violations = readJson(json);
        assertThat(violations).as("serious or critical accessibility violations on %s: %s", what, json).isEmpty();
    }

    private static JsonNode readJson(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
