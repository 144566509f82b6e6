package io.tally.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(invitation.status()).as("%s", invitation).isEqualTo(201);
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

        // The ledger answers from its event store: the first platform's refill is its only entry.
        Api.Response ledger = api.get(id + "/ledger/verification", first.adminToken());
        assertThat(ledger.json().path("entries").asInt()).as("%s", ledger).isEqualTo(1);
        // The list projects one customer's events in order: once the first admin's later change shows,
        // anything the other admin had changed before it would show too.
        assertThat(api.send("PATCH", id, first.adminToken(), Map.of("contactName", "Marker"), Map.of()).status())
                .isEqualTo(204);
        JsonNode row = console.awaitCustomer(first, customer, r -> "Marker".equals(r.path("contactName").asText())
                && "5.00".equals(r.path("balance").asText()));
        assertThat(row.path("teamName").asText()).isEqualTo("First's Customer");
        assertThat(row.path("state").asText()).isEqualTo("ON");
        assertThat(row.path("tags")).isEmpty();
        assertThat(row.path("teamType").asText()).isEqualTo("DEFAULT");
        assertThat(row.path("billingType").asText(null)).isNull();
        Api.Response othersList = api.get("/api/v1/customers", other);
        assertThat(othersList.status()).as("%s", othersList).isEqualTo(200);
        assertThat(othersList.json().path("items")).as("%s", othersList).isEmpty();
        assertThat(othersList.json().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/invitations/" + invitationId, first.adminToken()).json().path("status").asText())
                .isEqualTo("PENDING");
        // Only a pending invitation can be revoked, and the invitation itself decides: it is still pending.
        assertThat(api.delete("/api/v1/invitations/" + invitationId, first.adminToken()).status()).isEqualTo(204);
    }
}
