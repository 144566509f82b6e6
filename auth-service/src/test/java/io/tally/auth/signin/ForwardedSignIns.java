package io.tally.auth.signin;

import io.tally.testsupport.Api.Response;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/** Failed sign-ins sent with an {@code X-Forwarded-For} of the caller's choosing, and where they were counted. */
final class ForwardedSignIns {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ForwardedSignIns() {
    }

    /** A failed sign-in of a new username, so that only the address limit can refuse it. */
    static Response failedSignIn(int port, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody-" + UUID.randomUUID()
                        + "@example.com\",\"password\":\"a wrong guess\"}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The addresses failures were counted against. */
    static List<String> countedAddresses(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT address FROM address_failures ORDER BY address", String.class);
    }

    static int failures(JdbcTemplate jdbc, String address) {
        return jdbc.queryForList("SELECT failures FROM address_failures WHERE address = ?", Integer.class, address)
                .stream().findFirst().orElse(0);
    }
}
