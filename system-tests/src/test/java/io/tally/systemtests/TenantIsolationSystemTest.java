package io.tally.systemtests;

import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Another platform's admin learns nothing of the first platform's customers: 404 on every route. */
class TenantIsolationSystemTest extends SystemTest {

    @Test
    void aSecondPlatformsAdminGets404ForEveryIdOfTheFirst() {
        Platform first = console.newPlatform("70.00");
        Platform second = console.newPlatform("70.00");
        String customer = console.createCustomer(first, Console.uniqueEmail("mine"), "First's Customer");
        assertThat(console.refill(first, customer, "5.00", "first-refill").status()).isEqualTo(200);
        Api.Response invitation = api.post("/api/v1/invitations", first.adminToken(), Map.of());
        String invitationId = invitation.json().path("id").asText();
        String id = "/api/v1/customers/" + customer;
        String other = second.adminToken();
        Map<String, String> key = Map.of("Idempotency-Key", "intruder");

        List<Api.Response> answers = new ArrayList<>();
        answers.add(api.get(id, other));
        answers.add(api.send("PATCH", id, other, Map.of("teamName", "Taken"), Map.of()));
        answers.add(api.put(id + "/billing-info", other, Map.of("type", "INDIVIDUAL")));
        answers.add(api.put(id + "/state", other, Map.of("state", "OFF")));
        answers.add(api.put(id + "/tags", other, Map.of("tags", List.of("x"))));
        answers.add(api.send("POST", id + "/balance/refills", other, Map.of("amount", "1.00"), key));
        answers.add(api.send("POST", id + "/balance/deductions", other, Map.of("amount", "1.00"), key));
        answers.add(api.send("PUT", id + "/credits", other, Map.of("amount", "1.00"), key));
        answers.add(api.get(id + "/billing-details", other));
        answers.add(api.get(id + "/billing-details/export", other));
        answers.add(api.get(id + "/ledger/as-of?at=" + Instant.now(), other));
        answers.add(api.get(id + "/ledger/verification", other));
        answers.add(api.post(id + "/password-resets", other, null));
        answers.add(api.get("/api/v1/invitations/" + invitationId, other));
        answers.add(api.delete("/api/v1/invitations/" + invitationId, other));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(api.get("/api/v1/customers", other).json().path("items")).isEmpty();
        console.awaitCustomer(first, customer, row -> "5.00".equals(row.path("balance").asText())
                && "ON".equals(row.path("state").asText()) && row.path("tags").isEmpty());
        assertThat(api.get("/api/v1/invitations/" + invitationId, first.adminToken()).json().path("status").asText())
                .isEqualTo("PENDING");
    }
}
