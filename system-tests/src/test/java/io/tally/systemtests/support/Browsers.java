package io.tally.systemtests.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One headless Chromium for the whole test run: the machine's own (Debian's {@code chromium} on
 * the PATH, or {@code TALLY_CHROMIUM}), never one Playwright downloads. Where none is installed
 * the console's tests are skipped, and say why.
 */
public final class Browsers implements ExtensionContext.Store.CloseableResource {

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Path executable) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                // The machine's network is closed: no background calls home, no QUIC probes.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    public static Browsers start(Path executable) {
        return new Browsers(executable);
    }

    public Browser browser() {
        return browser;
    }

    /** Chromium from {@code TALLY_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    public static Optional<Path> chromium() {
        String configured = System.getenv("TALLY_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
