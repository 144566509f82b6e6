package io.tally.auth.signin;

import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.Topics;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins lock the username for 15 minutes after 10 failures, whether or not the
 * account exists, and a client address after its hourly allowance (lowered here to keep the
 * test short); each test leaves the clock past the locks it made.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "tally.login-throttle.address-max-failures=40")
class LoginThrottleIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    private Api api;
    private String adminEmail;
    private String adminPassword;
    private String adminId;
    private String platformId;

    @BeforeEach
    void admin() {
        api = new Api(port);
        String provider = login(ServiceIntegrationTest.PROVIDER_USERNAME, PROVIDER_PASSWORD).json()
                .get("accessToken").asText();
        platformId = api.post("/api/v1/platforms", provider, "{\"name\":\"P " + UUID.randomUUID() + "\"}").json()
                .get("id").asText();
        Response admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                "{\"email\":\"locked-" + UUID.randomUUID() + "@example.com\"}");
        adminEmail = admin.json().get("email").asText();
        adminPassword = admin.json().get("password").asText();
        adminId = admin.json().get("id").asText();
    }

    private Response login(String username, String password) {
        return api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static void assertLocked(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.json().get("code").asText()).isEqualTo("login_locked");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    }

    @Test
    void tenFailuresLockTheAccountForFifteenMinutesAndPublishLoginLocked() {
        for (int failure = 1; failure < 10; failure++) {
            assertThat(login(adminEmail, "wrong password " + failure).status()).isEqualTo(401);
        }
        assertLocked(login(adminEmail, "wrong password 10"));
        assertLocked(login(adminEmail, adminPassword));
        assertLocked(login(adminEmail.toUpperCase(), adminPassword));

        List<Record> records = KafkaProbe.readUntil(Topics.AUTH_EVENTS,
                all -> all.stream().anyMatch(r -> "io.tally.auth.LoginLocked.v1".equals(r.type())
                        && adminId.equals(r.key())));
        Record locked = records.stream().filter(r -> "io.tally.auth.LoginLocked.v1".equals(r.type())
                && adminId.equals(r.key())).findFirst().orElseThrow();
        assertThat(locked.data()).contains("\"failures\":10", platformId).doesNotContain("wrong password");
        assertThat(locked.attributes()).containsEntry("actor", SignIn.THROTTLE_ACTOR);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(adminEmail, adminPassword).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameLocksLikeAKnownOneSoThatALockRevealsNothing() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int failure = 1; failure < 10; failure++) {
            assertThat(login(nobody, "guess " + failure).status()).isEqualTo(401);
        }
        assertLocked(login(nobody, "guess 10"));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(nobody, "guess 11").status()).isEqualTo(401);
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        for (int round = 0; round < 2; round++) {
            for (int failure = 1; failure < 10; failure++) {
                assertThat(login(adminEmail, "wrong " + failure).status()).isEqualTo(401);
            }
            assertThat(login(adminEmail, adminPassword).status()).isEqualTo(200);
        }
        // The address's failures count on: leave the clock past its hour.
        clock.advance(Duration.ofHours(1).plusSeconds(1));
    }

    @Test
    void oneClientAddressHasAnHourlyAllowanceOfFailuresWhateverTheUsernames() {
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        int refusedAt = 0;
        for (int attempt = 1; attempt <= 45 && refusedAt == 0; attempt++) {
            if (login("user-" + attempt + "@example.com", "guess").status() == 429) {
                refusedAt = attempt;
            }
        }
        assertThat(refusedAt).isEqualTo(41);
        assertLockedUntilTheHourEnds(login(adminEmail, adminPassword));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(login(adminEmail, adminPassword).status()).isEqualTo(200);
    }

    private static void assertLockedUntilTheHourEnds(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, Duration.ofHours(1).toSeconds());
    }
}
