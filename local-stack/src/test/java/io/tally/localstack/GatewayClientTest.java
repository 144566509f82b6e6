package io.tally.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GatewayClientTest {

    private static final String NOT_KNOWN_YET = "{\"type\":\"https://tally.io/problems/customer_not_found\",\"status\":404}";

    private record Received(String method, String path, String idempotencyKey, String authorization,
                            String contentType, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesAMoneyWriteThatTheLedgerDoesNotKnowYetUnderTheSameIdempotencyKey() {
        answers.add(new Answer(404, NOT_KNOWN_YET));
        answers.add(new Answer(404, NOT_KNOWN_YET));
        answers.add(new Answer(200, "{\"balance\":\"12.34\"}"));
        GatewayClient client = new GatewayClient(base, Duration.ofSeconds(10));

        Map<String, Object> figures = client.moneyWrite("refill", "POST", "/api/v1/customers/c1/balance/refills",
                "admin.jwt", Map.of("amount", "12.34"));

        assertThat(figures).containsEntry("balance", "12.34");
        assertThat(received).hasSize(3)
                .allSatisfy(request -> {
                    assertThat(request.method()).isEqualTo("POST");
                    assertThat(request.path()).isEqualTo("/api/v1/customers/c1/balance/refills");
                    assertThat(request.authorization()).isEqualTo("Bearer admin.jwt");
                    assertThat(request.contentType()).isEqualTo("application/json");
                    assertThat(request.body()).isEqualTo("{\"amount\":\"12.34\"}");
                    assertThat(request.idempotencyKey()).startsWith("demo-");
                });
        assertThat(received.stream().map(Received::idempotencyKey).distinct()).hasSize(1);
    }

    @Test
    void givesUpOnNotFoundOnceTheCatchUpTimeHasPassed() {
        for (int i = 0; i < 100; i++) {
            answers.add(new Answer(404, NOT_KNOWN_YET));
        }
        GatewayClient client = new GatewayClient(base, Duration.ofMillis(600));
        long started = System.nanoTime();

        GatewayClient.StepFailed failure = failureOf(() -> client.moneyWrite("set the credits of a@b.example", "PUT",
                "/api/v1/customers/c1/credits", "admin.jwt", Map.of("amount", "5.00")));

        assertThat(failure.status()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(600));
        // A quarter of a second between attempts: at most four fit before the catch-up time ends.
        assertThat(received.size()).isBetween(2, 4);
        assertThat(received.stream().map(Received::idempotencyKey).distinct()).hasSize(1);
    }

    @Test
    void aRefusalNamesTheStepTheStatusAndTheProblemWithoutRetrying() {
        answers.add(new Answer(409, "{\"code\":\"exceeds_pool_available\"}"));
        GatewayClient client = new GatewayClient(base, Duration.ofSeconds(10));

        GatewayClient.StepFailed failure = failureOf(() -> client.moneyWrite("set the credits of a@b.example", "PUT",
                "/api/v1/customers/c1/credits", "admin.jwt", Map.of("amount", "500.00")));

        assertThat(failure).hasMessage("set the credits of a@b.example failed: HTTP 409 {\"code\":\"exceeds_pool_available\"}");
        assertThat(failure.step()).isEqualTo("set the credits of a@b.example");
        assertThat(received).hasSize(1);
    }

    @Test
    void otherWritesAreNotRetriedAndCarryNoIdempotencyKey() {
        answers.add(new Answer(404, "{\"code\":\"not_found\"}"));
        GatewayClient client = new GatewayClient(base, Duration.ofSeconds(10));

        GatewayClient.StepFailed failure = failureOf(() -> client.put("set the tags", "/api/v1/customers/c1/tags",
                "admin.jwt", Map.of("tags", List.of("a", "b"))));

        assertThat(failure.status()).isEqualTo(404);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isNull();
            assertThat(request.body()).isEqualTo("{\"tags\":[\"a\",\"b\"]}");
        });
    }

    @Test
    void anEmptyAnswerIsAnEmptyObjectAndNoAnswerAtAllIsAFailedStep() {
        answers.add(new Answer(204, ""));
        GatewayClient client = new GatewayClient(base, Duration.ofSeconds(10));

        assertThat(client.put("set the tags", "/api/v1/customers/c1/tags", "admin.jwt", Map.of("tags", List.of())))
                .isEmpty();

        GatewayClient nobody = new GatewayClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(10));
        GatewayClient.StepFailed failure = failureOf(() -> nobody.get("list the customers",
                "/api/v1/customers", "admin.jwt"));
        assertThat(failure.status()).isZero();
        assertThat(failure).hasMessageStartingWith("list the customers failed: no answer from http://127.0.0.1:1");
    }

    private static GatewayClient.StepFailed failureOf(ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(GatewayClient.StepFailed.class, call);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer next = answers.pollFirst();
            Answer answer = next == null ? new Answer(500, "{}") : next;
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
