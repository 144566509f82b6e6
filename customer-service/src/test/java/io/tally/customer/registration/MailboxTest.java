package io.tally.customer.registration;

import io.tally.testsupport.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** A mail goes to the SMTP server or to a file only its owner reads; the log never holds its address or its link. */
class MailboxTest {

    private final JavaMailSender smtp = mock(JavaMailSender.class);

    @Test
    void smtpSendsTheMail() {
        SimpleMailMessage mail = mail();
        new Mailbox(smtp, Clock.systemUTC(), "smtp", "").send(mail);
        verify(smtp).send(mail);
    }

    @Test
    void fileWritesAMailOnlyItsOwnerMayReadAndLogsNeitherAddressNorLink(@TempDir Path root) throws Exception {
        Path directory = root.resolve("mail");
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.of(Mailbox.class)) {
            new Mailbox(smtp, Clock.systemUTC(), "file", directory.toString()).send(mail());
            lines = logs.lines();
        }

        verifyNoInteractions(smtp);
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(Files.readString(file)).contains("To: ada@example.com", "Subject: Verify your email address",
                    "https://tally.example/verify-email?token=live-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("Verify your email address").doesNotContain("ada@example.com").doesNotContain("live-secret"));
    }

    @Test
    void anUnknownTransportOrAFileTransportWithoutADirectoryIsRefusedAtStart() {
        assertThatThrownBy(() -> new Mailbox(smtp, Clock.systemUTC(), "log", ""))
                .hasMessageContaining("smtp or file");
        assertThatThrownBy(() -> new Mailbox(smtp, Clock.systemUTC(), "file", " "))
                .hasMessageContaining("TALLY_MAIL_DIRECTORY");
    }

    private static SimpleMailMessage mail() {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("no-reply@tally.local");
        mail.setTo("ada@example.com");
        mail.setSubject("Verify your email address");
        mail.setText("Open https://tally.example/verify-email?token=live-secret");
        return mail;
    }
}
