package io.tally.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCheckTest {

    private static final Map<String, String> NOTHING_LISTENS = Map.of("TALLY_DB_HOST", "127.0.0.1", "TALLY_DB_PORT", "1");

    @TempDir
    Path root;

    @Test
    void saysWhatFailedAndHowToStartPostgres() {
        PostgresServer postgres = new PostgresServer(PostgresSettings.fromEnvironment(NOTHING_LISTENS));

        assertThat(postgres.unreachable()).hasValueSatisfying(problem -> {
            assertThat(problem.what()).startsWith("Cannot connect to PostgreSQL at 127.0.0.1:1 as user postgres: ");
            assertThat(problem.remedy())
                    .contains("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
                    .contains("TALLY_DB_HOST", "TALLY_DB_PORT", "TALLY_DB_USER", "TALLY_DB_PASSWORD");
        });
    }

    @Test
    void theLauncherPrintsTwoLinesWithoutAStackTraceAndAnswersExitStatusTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        LocalStack stack = new LocalStack(LaunchOptions.parse("--port-offset", "100"), root, NOTHING_LISTENS,
                "", console, new Supervisor(console));

        int status = stack.run();

        assertThat(status).isEqualTo(LocalStack.STARTUP_PROBLEM).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .satisfiesExactly(
                        what -> assertThat(what).startsWith("Cannot connect to PostgreSQL at 127.0.0.1:1"),
                        remedy -> assertThat(remedy).isEqualTo(PostgresServer.HOW_TO_START));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(root.resolve(".local-stack")).doesNotExist();
    }
}
