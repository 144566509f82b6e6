package io.tally.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsFileTest {

    private static final String AWKWARD = "it's \"quoted\",  spaced, $HOME $(id) `id` \\ \\\\ \\' * !x ;";

    @TempDir
    Path root;

    private Path file() {
        return root.resolve(".local-stack/credentials");
    }

    @Test
    void isReadableByItsOwnerOnlyAndLeavesNoOtherFile() throws Exception {
        CredentialsFile credentials = CredentialsFile.under(root);

        credentials.write(Map.of("PROVIDER_PASSWORD", "s3cret"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        credentials.write(Map.of("PROVIDER_PASSWORD", "other"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void saysWhatItIsAndKeepsEveryValueAsItIsForAShellThatSourcesIt() throws Exception {
        CredentialsFile.under(root).write(Map.of("PROVIDER_USERNAME", "provider@tally.local",
                "PROVIDER_PASSWORD", AWKWARD, "TOKEN", "first line\nsecond line\n", "PROVIDER_TOKEN", ""));

        assertThat(Files.readAllLines(file()).get(0)).startsWith("# ").contains("./local-stack/run", "source");
        assertThat(Bash.sourced(root, file(), "PROVIDER_USERNAME", "PROVIDER_PASSWORD", "TOKEN", "PROVIDER_TOKEN"))
                .containsExactly("provider@tally.local", AWKWARD, "first line\nsecond line\n", "");
    }

    @Test
    void aSecondWriteOfANameReplacesItsLineAndKeepsTheOthers() throws Exception {
        CredentialsFile credentials = CredentialsFile.under(root);
        credentials.write(Map.of("PROVIDER_USERNAME", "provider@tally.local", "PROVIDER_PASSWORD", "old"));
        credentials.write(Map.of("ADMIN_USERNAME", "admin@demo.tally.local", "ADMIN_PASSWORD", AWKWARD + "\nmore"));

        credentials.write(Map.of("PROVIDER_PASSWORD", "new"));

        assertThat(Bash.sourced(root, file(), "PROVIDER_USERNAME", "PROVIDER_PASSWORD", "ADMIN_USERNAME",
                "ADMIN_PASSWORD")).containsExactly("provider@tally.local", "new", "admin@demo.tally.local",
                AWKWARD + "\nmore");
        assertThat(Files.readAllLines(file())).filteredOn(line -> line.startsWith("PROVIDER_PASSWORD=")).hasSize(1);
    }

    @Test
    void aStartDropsWhatAnEarlierRunLeftButTheAdminsLoginWhileItsDatabaseWasKept() throws Exception {
        CredentialsFile credentials = CredentialsFile.under(root);
        credentials.write(Map.of("TOKEN", "old.jwt", "PROVIDER_TOKEN", "old.jwt", "PROVIDER_PASSWORD", "earlier"));
        credentials.write(Map.of("ADMIN_USERNAME", "admin@demo.tally.local", "ADMIN_PASSWORD", "Pw7xKq"));

        credentials.start(Map.of("PROVIDER_USERNAME", "provider@tally.local", "PROVIDER_PASSWORD", "now"), true);

        List<String> names = List.of("PROVIDER_USERNAME", "PROVIDER_PASSWORD", "ADMIN_USERNAME", "ADMIN_PASSWORD",
                "TOKEN", "PROVIDER_TOKEN");
        assertThat(Bash.sourced(root, file(), names.toArray(String[]::new))).containsExactly("provider@tally.local",
                "now", "admin@demo.tally.local", "Pw7xKq", "(unset)", "(unset)");

        credentials.start(Map.of("TOKEN", "admin.jwt", "PROVIDER_TOKEN", "provider.jwt"), false);

        assertThat(Bash.sourced(root, file(), names.toArray(String[]::new))).containsExactly("(unset)", "(unset)",
                "(unset)", "(unset)", "admin.jwt", "provider.jwt");
        assertThat(Files.readAllLines(file())).noneMatch(line -> line.startsWith("ADMIN_"));
    }
}
