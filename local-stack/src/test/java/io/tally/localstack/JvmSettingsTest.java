package io.tally.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JvmSettingsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path FILE = Path.of("deploy/jvm/x.env");

    @Test
    void everyServiceBoundsItsHeapAndClassMetadataAndKeepsGlibcArenasFew() {
        for (Service service : Services.PLANNED) {
            Map<String, String> settings = JvmSettings.of(ROOT, service);
            assertThat(settings.get("JDK_JAVA_OPTIONS")).as(service.module())
                    .containsPattern("-Xmx\\d+m").containsPattern("-Xms\\d+m")
                    .containsPattern("-XX:MaxMetaspaceSize=\\d+m").contains("-XX:+ExitOnOutOfMemoryError");
            assertThat(settings).as(service.module()).containsEntry("MALLOC_ARENA_MAX", "2");
        }
    }

    @Test
    void composeReadsTheSameFiles() throws Exception {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        for (Service service : Services.PLANNED) {
            assertThat(compose).as(service.module()).contains("- " + JvmSettings.DIRECTORY + "/" + service.module() + ".env");
        }
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndAValueMayHoldEqualsSigns() {
        assertThat(JvmSettings.parse(FILE, List.of("# a comment", "", "JDK_JAVA_OPTIONS=-Xmx1m -XX:MaxMetaspaceSize=2m",
                "  OTHER=a=b  "))).containsExactly(Map.entry("JDK_JAVA_OPTIONS", "-Xmx1m -XX:MaxMetaspaceSize=2m"),
                Map.entry("OTHER", "a=b"));
    }

    @Test
    void aFileThatLeavesTheHeapOrMetadataUnboundedOrIsNotNameValueIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> JvmSettings.parse(FILE,
                List.of("JDK_JAVA_OPTIONS=-XX:MaxMetaspaceSize=2m"))).withMessageContaining("-Xmx");
        assertThatIllegalStateException().isThrownBy(() -> JvmSettings.parse(FILE,
                List.of("JDK_JAVA_OPTIONS=-Xmx1m"))).withMessageContaining("MaxMetaspaceSize");
        assertThatIllegalStateException().isThrownBy(() -> JvmSettings.parse(FILE,
                List.of("JDK_JAVA_OPTIONS=-Xmx1m -XX:MaxMetaspaceSize=2m", "just words")))
                .withMessageContaining("NAME=value");
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
