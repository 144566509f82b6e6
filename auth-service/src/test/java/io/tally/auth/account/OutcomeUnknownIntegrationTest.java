package io.tally.auth.account;

import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.DatabaseCutter;
import io.tally.testsupport.DatabaseCutter.Cut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service, like every service that answers writes, never answers a write whose database connection broke as
 * a failure: a password change whose transaction's connection a {@link DatabaseCutter} breaks just after its COMMIT
 * reached the server (so it committed), or just before (so it did not), is 503 {@code outcome_unknown} with
 * {@code Retry-After}; which password then signs in shows which happened.
 */
@ServiceIntegrationTest
class OutcomeUnknownIntegrationTest {

    private static final String EVENT_STORE_INSERT = "insert into domainevententry";
    private static DatabaseCutter cutter;

    @LocalServerPort
    int port;

    private Api api;

    @DynamicPropertySource
    static void throughTheCutter(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            cutter = DatabaseCutter.inFrontOfTheTestDatabase();
            return cutter.jdbcUrl();
        });
    }

    @AfterAll
    static void stopTheCutter() throws IOException {
        if (cutter != null) {
            cutter.close();
        }
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aPasswordChangeCommittedAsItsConnectionBrokeIsOutcomeUnknownAndTheNewPasswordSignsIn() {
        String email = "committed-" + UUID.randomUUID() + "@example.com";
        String password = admin(email);
        String token = signIn(email, password).json().get("accessToken").asText();
        cutter.arm(EVENT_STORE_INSERT, Cut.AFTER_COMMIT);

        assertOutcomeUnknown(change(token, password, "committed-amber-falcon-river"));

        assertThat(signIn(email, "committed-amber-falcon-river").status()).as("the server committed it").isEqualTo(200);
        assertThat(signIn(email, password).status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeWhoseConnectionBrokeBeforeItsCommitIsOutcomeUnknownAndSendingItAgainMakesIt() {
        String email = "rolled-back-" + UUID.randomUUID() + "@example.com";
        String password = admin(email);
        String token = signIn(email, password).json().get("accessToken").asText();
        cutter.arm(EVENT_STORE_INSERT, Cut.BEFORE_COMMIT);

        assertOutcomeUnknown(change(token, password, "rolled-back-amber-falcon"));

        assertThat(signIn(email, password).status()).as("the server rolled it back").isEqualTo(200);
        Response again = change(token, password, "rolled-back-amber-falcon");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(signIn(email, "rolled-back-amber-falcon").status()).isEqualTo(200);
    }

    private Response change(String token, String current, String chosen) {
        return api.put("/api/v1/me/password", token,
                "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\"}");
    }

    private String admin(String email) {
        Response provider = signIn(ServiceIntegrationTest.PROVIDER_USERNAME, ServiceIntegrationTest.PROVIDER_PASSWORD);
        assertThat(provider.status()).as(provider.toString()).isEqualTo(200);
        String providerToken = provider.json().get("accessToken").asText();
        Response platform = api.post("/api/v1/platforms", providerToken,
                "{\"name\":\"Cut " + UUID.randomUUID() + "\",\"currency\":\"EUR\"}");
        assertThat(platform.status()).as(platform.toString()).isEqualTo(201);
        Response admin = api.post("/api/v1/platforms/" + platform.json().get("id").asText() + "/admins",
                providerToken, "{\"email\":\"" + email + "\"}");
        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        return admin.json().get("password").asText();
    }

    private Response signIn(String username, String password) {
        return api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static void assertOutcomeUnknown(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("code").asText()).isEqualTo("outcome_unknown");
    }
}
