package io.tally.systemtests;

import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Password resets, signing in, disabling and enabling, and the roles, through the gateway. */
class AccessSystemTest extends SystemTest {

    @Test
    void resetSignInDisableWithinTwoSecondsAndEnableAgain() {
        Platform platform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("reset");
        String customer = console.createCustomer(platform, email, "Reset Team");

        Api.Response[] reset = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            reset[0] = api.post("/api/v1/customers/" + customer + "/password-resets", platform.adminToken(), null);
            return reset[0].status() == 201;
        });
        String password = reset[0].json().path("password").asText();
        String resetId = reset[0].json().path("resetId").asText();
        assertThat(console.signIn(email, password, platform.id()).status())
                .as("unusable until confirmed").isEqualTo(401);
        assertThat(api.post("/api/v1/customers/" + customer + "/password-resets/" + resetId + "/confirmation",
                platform.adminToken(), null).status()).isEqualTo(204);

        String token = console.login(email, password, platform.id());
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/billing-details", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers", token).status()).as("a customer's token on an admin route").isEqualTo(403);

        Api.Response disabled = api.put("/api/v1/customers/" + customer + "/state", platform.adminToken(),
                Map.of("state", "OFF"));
        long returned = System.nanoTime();
        assertThat(disabled.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                .until(() -> api.get("/api/v1/me", token).status() == 401);
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - returned);
        System.out.printf("existing token refused %d ms after the disable returned%n", refusedAfter.toMillis());
        assertThat(api.get("/api/v1/me", token).code()).isEqualTo("session_ended");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                .until(() -> console.signIn(email, password, platform.id()).status() == 403);
        assertThat(console.signIn(email, password, platform.id()).code()).isEqualTo("account_disabled");

        assertThat(api.put("/api/v1/customers/" + customer + "/state", platform.adminToken(), Map.of("state", "ON"))
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> console.signIn(email, password, platform.id()).status() == 200);
        String again = console.login(email, password, platform.id());
        assertThat(api.get("/api/v1/me", again).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", token).status()).as("the old token stays refused").isEqualTo(401);
    }

    @Test
    void everyRouteRefusesTheWrongRoleAndAMissingToken() {
        Platform platform = console.newPlatform("70.00");
        String provider = console.providerToken();
        for (String path : List.of("/api/v1/customers", "/api/v1/credit-pool", "/api/v1/invitations")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, provider).status()).as(path).isEqualTo(403);
        }
        Api.Response adminOnProvider = api.post("/api/v1/platforms", platform.adminToken(),
                Map.of("name", "Not Allowed", "currency", "USD"));
        assertThat(adminOnProvider.status()).isEqualTo(403);
        assertThat(adminOnProvider.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/me", platform.adminToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/nowhere", platform.adminToken()).status()).isEqualTo(404);
    }
}
