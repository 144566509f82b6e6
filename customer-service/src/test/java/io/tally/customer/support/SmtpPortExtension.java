package io.tally.customer.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Picks a free port for the test class's SMTP server before the application context starts. */
public class SmtpPortExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("tally.test.smtp-port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
