package io.tally.auth.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testsupport.PublishedFacts;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.service.security.Secrets;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of thing auth-service does, once, and then every record on the broker read back:
 * no password, hash, access token or refresh token is anywhere in a record, its key or headers.
 */
@ServiceIntegrationTest
class NoSecretsOnKafkaIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private final List<String> secrets = new ArrayList<>();

    private JsonNode signIn(String username, String password, String platformId) {
        Response response = api.post("/api/v1/auth/login", null, "{\"username\":\"" + username
                + "\",\"password\":\"" + password + "\"" + (platformId == null ? "" : ",\"platformId\":\""
                + platformId + "\"") + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        keep(response.json());
        return response.json();
    }

    private void keep(JsonNode tokens) {
        secrets.add(tokens.get("accessToken").asText());
        secrets.add(tokens.get("refreshToken").asText());
    }

    private void awaitCredential(String accountId, String column, String condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM account_credentials WHERE account_id = ? AND " + column
                + condition, Integer.class, UUID.fromString(accountId)) == 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aFullScenarioLeavesNoSecretOnTheBroker() {
        api = new Api(port);
        secrets.add(PROVIDER_PASSWORD);
        String provider = signIn(PROVIDER_USERNAME, PROVIDER_PASSWORD, null).get("accessToken").asText();
        String platformId = api.post("/api/v1/platforms", provider, "{\"name\":\"Secretless\"}").json()
                .get("id").asText();
        JsonNode admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                "{\"email\":\"ada@example.com\"}").json();
        secrets.add(admin.get("password").asText());
        String adminToken = signIn("ada@example.com", admin.get("password").asText(), null).get("accessToken")
                .asText();

        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, "eve@example.com", "Eve", null,
                TeamType.DEFAULT, Instant.now()));
        awaitCredential(customerId, "enabled", " = TRUE");
        JsonNode reset = api.post("/api/v1/customers/" + customerId + "/password-resets", adminToken, null).json();
        secrets.add(reset.get("password").asText());
        api.post("/api/v1/customers/" + customerId + "/password-resets/" + reset.get("resetId").asText()
                + "/confirmation", adminToken, null);
        JsonNode eve = signIn("eve@example.com", reset.get("password").asText(), platformId);
        Response refreshed = api.post("/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + eve.get("refreshToken").asText() + "\"}");
        keep(refreshed.json());
        api.post("/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + eve.get("refreshToken").asText() + "\"}");
        JsonNode again = signIn("eve@example.com", reset.get("password").asText(), platformId);
        String chosen = "amber-falcon-river-9";
        secrets.add(chosen);
        Response changed = api.put("/api/v1/me/password", again.get("accessToken").asText(),
                "{\"currentPassword\":\"" + reset.get("password").asText() + "\",\"newPassword\":\"" + chosen + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        keep(changed.json());
        api.post("/api/v1/auth/logout", changed.json().get("accessToken").asText(), null);
        for (int failure = 0; failure < 10; failure++) {
            String guess = "guess-number-" + failure;
            secrets.add(guess);
            api.post("/api/v1/auth/login", null, "{\"username\":\"eve@example.com\",\"password\":\"" + guess
                    + "\",\"platformId\":\"" + platformId + "\"}");
        }

        String invitationId = UUID.randomUUID().toString();
        String invitationToken = Secrets.newToken();
        secrets.add(invitationToken);
        PublishedFacts.publish(new InvitationIssuedEvent(invitationId, platformId, null,
                Secrets.sha256(invitationToken), Instant.now().plus(Duration.ofDays(1))));
        String registrationPassword = "copper-lagoon-whistle";
        secrets.add(registrationPassword);
        Response submitted = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (submitted == null || submitted.status() != 202) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            submitted = api.post("/api/v1/public/registrations", null, "{\"invitationToken\":\"" + invitationToken
                    + "\",\"email\":\"zoe@example.com\",\"teamName\":\"Zoe\",\"password\":\""
                    + registrationPassword + "\"}");
        }
        String zoe = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(zoe, platformId, "zoe@example.com", "Zoe",
                submitted.json().get("id").asText(), invitationId, Instant.now()));
        awaitCredential(zoe, "password_hash", " IS NOT NULL");
        signIn("zoe@example.com", registrationPassword, platformId);
        PublishedFacts.publish(new CustomerDisabledEvent(zoe, platformId));
        awaitCredential(zoe, "enabled", " = FALSE");

        secrets.addAll(jdbc.queryForList("SELECT password_hash FROM account_credentials WHERE password_hash IS NOT NULL",
                String.class));
        // The last fact of the scenario: auth-service publishes in order, so everything before it is there.
        List<Record> everything = new ArrayList<>(KafkaProbe.readUntil(Topics.AUTH_EVENTS,
                all -> all.stream().anyMatch(r -> zoe.equals(r.key()) && r.data().contains("CUSTOMER_DISABLED"))));
        assertThat(everything).extracting(Record::type).contains("io.tally.auth.PlatformCreated.v1",
                "io.tally.auth.PlatformAdminCreated.v1", "io.tally.auth.PasswordReset.v1",
                "io.tally.auth.SessionsRevoked.v1", "io.tally.auth.LoginLocked.v1",
                "io.tally.auth.RegistrationSubmitted.v1");
        everything.addAll(KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS,
                all -> all.stream().anyMatch(r -> zoe.equals(r.key()) && r.type().endsWith("CustomerDisabled.v1"))));
        assertThat(secrets).hasSizeGreaterThan(20);
        for (Record record : everything) {
            String text = record.everything();
            for (String secret : secrets) {
                assertThat(text).as(record.type()).doesNotContain(secret);
            }
            assertThat(text).doesNotContain("{argon2}", "{bcrypt}", "$argon2", "$2a$");
        }
    }
}
