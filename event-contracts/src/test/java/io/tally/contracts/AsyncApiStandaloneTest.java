package io.tally.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml parsed alone, as an integrator would, with the AsyncAPI parser (npm, installed by the build
 * into asyncapi-check/): every payload schema resolves by its $id, with no repository path, and the parser reports
 * no error. A reference the parser cannot resolve is an error, which the second test shows the check catches.
 */
class AsyncApiStandaloneTest {

    private static final Path CHECK = Path.of("asyncapi-check", "check.mjs");
    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final Path SCHEMAS = Path.of("src", "main", "resources", "schemas");

    @Test
    void theParserReportsNoErrorAndEveryMessage() throws Exception {
        Result result = parse(DOCUMENT);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("0 errors")
                .contains(EventCatalog.ALL.size() + " messages");
    }

    @Test
    void aReferenceByRepositoryPathFailsTheCheck(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path document = folder.resolve("asyncapi.yaml");
        Files.writeString(document, Files.readString(DOCUMENT).replace("https://tally.io/schemas/",
                "../event-contracts/src/main/resources/schemas/"));

        Result result = parse(document);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("invalid-ref");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result parse(Path document) throws IOException, InterruptedException {
        assertThat(Path.of("asyncapi-check", "node_modules", "@asyncapi", "parser"))
                .as("the parser, installed by the build's npm ci").isDirectory();
        Process node = new ProcessBuilder(List.of("node", CHECK.toString(), document.toString(), SCHEMAS.toString()))
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the parser finished").isTrue();
        return new Result(node.exitValue(), output);
    }
}
