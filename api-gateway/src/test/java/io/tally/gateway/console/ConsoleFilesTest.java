package io.tally.gateway.console;

import io.tally.gateway.console.ConsoleFiles.ConsoleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which file a console address stands for, and that no encoding of a path leaves the location. */
class ConsoleFilesTest {

    private static final String[] ESCAPES = {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt", "/..%2Fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5Csecret.txt",
            "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/%00/secret.txt", "/%zz/secret.txt", "//secret.txt", "/./secret.txt", "/assets/./app.js",
            "/.hidden", "/..", "/.", "/console%3B/secret.txt", "/C:%5Csecret.txt"};

    private final ConsoleFiles fixture = new ConsoleFiles(new ClassPathResource("console-fixture/"));

    @Test
    void findsFilesAndMarksOnlyAssetsAsFingerprinted() throws IOException {
        ConsoleFile script = fixture.find("/assets/app-3f9a1c2b.js").orElseThrow();
        assertThat(script.fingerprinted()).isTrue();
        assertThat(script.resource().getFilename()).isEqualTo("app-3f9a1c2b.js");
        assertThat(script.mediaType().toString()).isEqualTo("text/javascript;charset=UTF-8");

        ConsoleFile icon = fixture.find("/favicon.svg").orElseThrow();
        assertThat(icon.fingerprinted()).isFalse();
        assertThat(icon.mediaType().toString()).isEqualTo("image/svg+xml");
        assertThat(fixture.find("/index.html").orElseThrow().resource().getContentAsString(StandardCharsets.UTF_8)).contains("Tally console fixture page");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/customers", "/customers/", "/customers/abc", "/p/123/sign-in", "/favicon.ico",
            "/register", "/verify-email", "/caf%C3%A9"})
    void answersTheConsolesOwnAddressesWithThePage(String path) {
        ConsoleFile page = fixture.find(path).orElseThrow();
        assertThat(page.resource().getFilename()).isEqualTo("index.html");
        assertThat(page.fingerprinted()).isFalse();
        assertThat(page.mediaType().toString()).isEqualTo("text/html;charset=UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/assets/app-00000000.js", "/assets", "/assets/", "/assets/nested/app.js"})
    void aMissingAssetIsMissing(String path) {
        assertThat(fixture.find(path)).isEmpty();
    }

    @Test
    void noPathLeavesAFileSystemLocation(@TempDir Path root) throws IOException {
        Path console = Files.createDirectories(root.resolve("console"));
        Files.writeString(console.resolve("index.html"), "page");
        Files.createDirectories(console.resolve("assets"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.writeString(console.resolve(".hidden"), "hidden");
        ConsoleFiles files = new ConsoleFiles(new FileSystemResource(console.toString() + "/"));

        assertThat(files.find("/index.html")).isPresent();
        for (String escape : ESCAPES) {
            Optional<ConsoleFile> found = files.find(escape);
            assertThat(found).as(escape).isEmpty();
        }
    }

    @Test
    void noPathLeavesAClasspathLocation() {
        for (String escape : ESCAPES) {
            assertThat(fixture.find(escape)).as(escape).isEmpty();
        }
    }

    @Test
    void withoutAPageThereIsNothingToAnswer() {
        ConsoleFiles absent = new ConsoleFiles(new ClassPathResource("no-console-here/"));

        assertThat(absent.find("/")).isEmpty();
        assertThat(absent.find("/customers")).isEmpty();
    }
}
