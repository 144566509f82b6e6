package io.tally.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderLoginTest {

    @TempDir
    Path root;

    @Test
    void aConfiguredPasswordWins() {
        ProviderLogin login = ProviderLogin.resolve(Map.of("TALLY_PROVIDER_PASSWORD", "given"), root);

        assertThat(login).isEqualTo(new ProviderLogin(ProviderLogin.DEFAULT_USERNAME, "given"));
        assertThat(root.resolve(".local-stack")).doesNotExist();
    }

    @Test
    void aGeneratedPasswordIsKeptForTheNextRunAndReadableOnlyByItsOwner() throws Exception {
        ProviderLogin first = ProviderLogin.resolve(Map.of(), root);
        ProviderLogin second = ProviderLogin.resolve(Map.of(), root);

        assertThat(first.password()).hasSize(24).matches("[A-Za-z2-9]+");
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root.resolve(".local-stack/provider-password")))).isEqualTo("rw-------");
    }

    @Test
    void generatedPasswordsDiffer() {
        assertThat(ProviderLogin.generate()).isNotEqualTo(ProviderLogin.generate());
    }
}
