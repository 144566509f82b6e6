package io.tally.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.auth.support.TestClock;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of auth-service on one database and one broker, as two pods run it. auth-service caches no
 * aggregate (each command loads its account's stream), so neither instance can act on an account older than the
 * other wrote: password changes taking turns between them are each applied, the newest password signs in on both
 * and an earlier one on neither, and a sign-out on one ends the session on the other.
 */
@ServiceIntegrationTest
class TwoInstancesIntegrationTest {

    private static SecondInstance second;
    private static Api secondApi;

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void bothInstances() {
        api = new Api(port);
        if (second == null) {
            second = SecondInstance.startWith(AuthServiceApplication.class, TestClock.class,
                    "--tally.provider.username=" + ServiceIntegrationTest.PROVIDER_USERNAME,
                    "--tally.provider.password=" + ServiceIntegrationTest.PROVIDER_PASSWORD);
            secondApi = new Api(second.port());
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void passwordChangesTakingTurnsBetweenTheInstancesAreEachApplied() {
        String email = "turns-" + UUID.randomUUID() + "@example.com";
        String password = admin(email);
        List<Api> instances = List.of(api, secondApi);
        for (int turn = 0; turn < 6; turn++) {
            Api instance = instances.get(turn % 2);
            String token = signIn(instance, email, password).path("accessToken").asText();
            String chosen = "turn-" + turn + "-amber-falcon-river";
            Response changed = instance.put("/api/v1/me/password", token,
                    "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + chosen + "\"}");
            assertThat(changed.status()).as("turn %d: %s", turn, changed).isEqualTo(200);
            password = chosen;
            // The other instance knows the new password at once: it reads what the first one wrote.
            assertThat(signIn(instances.get((turn + 1) % 2), email, password).path("accessToken").asText()).isNotBlank();
        }
        Response old = secondApi.post("/api/v1/auth/login", null,
                "{\"username\":\"" + email + "\",\"password\":\"turn-4-amber-falcon-river\"}");
        assertThat(old.status()).as("an earlier password: %s", old).isEqualTo(401);
        assertThat(signIn(api, email, password).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void aSignOutOnOneInstanceEndsTheSessionOnTheOther() {
        String email = "session-" + UUID.randomUUID() + "@example.com";
        String password = admin(email);
        String token = signIn(api, email, password).path("accessToken").asText();
        assertThat(probe(api, token).status()).as("signed in: past the token check, refused for its body")
                .isEqualTo(400);

        assertThat(secondApi.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);

        Response refused = probe(api, token);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("session_ended");
        String again = signIn(api, email, password).path("accessToken").asText();
        assertThat(probe(secondApi, again).status()).isEqualTo(400);
    }

    /** A request only a live session gets past the token check with (then refused for its empty body). */
    private static Response probe(Api instance, String token) {
        return instance.put("/api/v1/me/password", token, "{}");
    }

    /** A platform and its admin, made by the provider on the first instance; answers the admin's password. */
    private String admin(String email) {
        String provider = signIn(api, ServiceIntegrationTest.PROVIDER_USERNAME,
                ServiceIntegrationTest.PROVIDER_PASSWORD).path("accessToken").asText();
        Response platform = api.post("/api/v1/platforms", provider,
                "{\"name\":\"Two " + UUID.randomUUID() + "\",\"currency\":\"EUR\"}");
        assertThat(platform.status()).as(platform.toString()).isEqualTo(201);
        Response admin = api.post("/api/v1/platforms/" + platform.json().get("id").asText() + "/admins", provider,
                "{\"email\":\"" + email + "\"}");
        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        return admin.json().get("password").asText();
    }

    private static JsonNode signIn(Api instance, String username, String password) {
        Response response = instance.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as("sign-in of %s: %s", username, response).isEqualTo(200);
        return response.json();
    }
}
