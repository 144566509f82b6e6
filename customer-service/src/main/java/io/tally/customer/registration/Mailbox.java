package io.tally.customer.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Where the mails customer-service writes go ({@code tally.mail.transport}): {@code smtp}, to the
 * configured server; or {@code file}, for a machine without one (the local stack), each mail a
 * file of its own in {@code tally.mail.directory} that only the service's user may read, since a
 * verification mail holds a live link. Either way the log names the mail's subject and where it
 * went, never its address or its text.
 */
@Component
class Mailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
            .withZone(ZoneOffset.UTC);

    private final JavaMailSender smtp;
    private final String transport;
    private final Path directory;
    private final Clock clock;

    Mailbox(JavaMailSender smtp, Clock clock, @Value("${tally.mail.transport}") String transport,
            @Value("${tally.mail.directory:}") String directory) {
        this.smtp = smtp;
        this.clock = clock;
        this.transport = transport.toLowerCase(Locale.ROOT);
        if (!this.transport.equals("smtp") && !this.transport.equals("file")) {
            throw new IllegalStateException("tally.mail.transport (TALLY_MAIL_TRANSPORT) is smtp or file, not " + transport);
        }
        if (this.transport.equals("file") && directory.isBlank()) {
            throw new IllegalStateException("The file transport needs tally.mail.directory (TALLY_MAIL_DIRECTORY)");
        }
        this.directory = directory.isBlank() ? null : Path.of(directory);
    }

    void send(SimpleMailMessage mail) {
        if (transport.equals("smtp")) {
            smtp.send(mail);
            return;
        }
        Path file = write(mail);
        log.info("Mail '{}' written to {}", mail.getSubject(), file);
    }

    private Path write(SimpleMailMessage mail) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
            Path file = directory.resolve(FILE_TIME.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "From: " + mail.getFrom() + "\nTo: " + String.join(", ", Arrays.asList(mail.getTo()))
                    + "\nSubject: " + mail.getSubject() + "\n\n" + mail.getText(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a mail to " + directory, e);
        }
    }
}
