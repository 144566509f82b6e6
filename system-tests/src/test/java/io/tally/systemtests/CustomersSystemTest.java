package io.tally.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's customer tasks of SPEC.md, through the gateway only. */
class CustomersSystemTest extends SystemTest {

    @Test
    void createInviteRegisterVerifyAndTeamTypesFromBillingInformation() {
        Platform platform = console.newPlatform("70.00");
        String createdEmail = Console.uniqueEmail("created");
        String created = console.createCustomer(platform, createdEmail, "Created Team");

        String invitedEmail = Console.uniqueEmail("invited");
        Api.Response invitation = api.post("/api/v1/invitations", platform.adminToken(), Map.of("email", invitedEmail));
        assertThat(invitation.status()).as("%s", invitation).isEqualTo(201);
        assertThat(invitation.json().path("link").asText()).startsWith(api.base().toString());
        String invitationToken = invitation.json().path("token").asText();

        Api.Response registration = awaitRegistrationAccepted(Map.of("invitationToken", invitationToken,
                "email", invitedEmail, "teamName", "Invited Team", "password", "a long and unusual passphrase 42"));
        String registrationPath = registration.header("Location");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "COMPLETED".equals(api.get(registrationPath, null).json().path("status").asText()));
        String verificationToken = console.verificationTokenMailedTo(invitedEmail);
        Api.Response verified = api.post("/api/v1/public/email-verifications", null, Map.of("token", verificationToken));
        assertThat(verified.status()).as("%s (token %s)", verified, verificationToken).isEqualTo(204);
        Api.Response reused = api.post("/api/v1/public/email-verifications", null, Map.of("token", verificationToken));
        assertThat(reused.status()).as("a verification link works once: %s", reused).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("token_used");

        JsonNode both = awaitList(platform, "", list -> count(list) == 2);
        assertThat(teamTypes(both)).containsEntry(createdEmail, "DEFAULT").containsEntry(invitedEmail, "DEFAULT");
        String invited = ids(awaitList(platform, "q=" + invitedEmail, list -> count(list) == 1)).get(0);

        assertThat(api.put("/api/v1/customers/" + created + "/billing-info", platform.adminToken(),
                Map.of("type", "INDIVIDUAL", "contactName", "Ada")).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/customers/" + invited + "/billing-info", platform.adminToken(),
                Map.of("type", "ENTERPRISE", "companyName", "Invited Corp")).status()).isEqualTo(204);
        Api.Response noCompany = api.put("/api/v1/customers/" + created + "/billing-info", platform.adminToken(),
                Map.of("type", "ENTERPRISE"));
        assertThat(noCompany.status()).isEqualTo(400);
        assertThat(noCompany.code()).as("%s", noCompany).isEqualTo("company_name_required");

        JsonNode typed = awaitList(platform, "", list -> teamTypes(list).containsValue("ENTERPRISE")
                && teamTypes(list).containsValue("INDIVIDUAL"));
        assertThat(teamTypes(typed)).containsEntry(createdEmail, "INDIVIDUAL").containsEntry(invitedEmail, "ENTERPRISE");
        for (JsonNode row : typed.path("items")) {
            if (row.path("account").asText().equals(invitedEmail)) {
                assertThat(row.path("companyName").asText()).isEqualTo("Invited Corp");
            } else {
                assertThat(row.path("companyName").isMissingNode() || row.path("companyName").isNull()).isTrue();
            }
        }
    }

    @Test
    void tagsFilterSearchSortAndExport() {
        Platform platform = console.newPlatform("70.00");
        String alpha = console.createCustomer(platform, Console.uniqueEmail("alpha"), "Alpha Works");
        String beta = console.createCustomer(platform, Console.uniqueEmail("beta"), "Beta Labs");
        String gamma = console.createCustomer(platform, Console.uniqueEmail("gamma"), "Gamma Group");
        assertThat(api.put("/api/v1/customers/" + alpha + "/tags", platform.adminToken(),
                Map.of("tags", List.of("vip", "eu"))).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/customers/" + beta + "/tags", platform.adminToken(),
                Map.of("tags", List.of("vip"))).status()).isEqualTo(204);
        assertThat(console.refill(platform, gamma, "30.00", "gamma-refill").status()).isEqualTo(200);
        assertThat(console.refill(platform, beta, "10.00", "beta-refill").status()).isEqualTo(200);

        JsonNode vip = awaitList(platform, "tag=vip", list -> count(list) == 2);
        assertThat(ids(vip)).containsExactlyInAnyOrder(alpha, beta);
        assertThat(ids(awaitList(platform, "q=lab", list -> count(list) == 1))).containsExactly(beta);
        JsonNode byBalance = awaitList(platform, "sort=balance,desc", list -> count(list) == 3
                && list.path("items").path(0).path("balance").asText().equals("30.00")
                && list.path("items").path(1).path("balance").asText().equals("10.00"));
        assertThat(ids(byBalance)).containsExactly(gamma, beta, alpha);
        assertThat(ids(awaitList(platform, "sort=teamName,asc", list -> count(list) == 3)))
                .containsExactly(alpha, beta, gamma);

        Api.Response csv = api.get("/api/v1/customers/export?tag=vip&sort=teamName,asc", platform.adminToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("Alpha Works");
        assertThat(lines.get(2)).contains("Beta Labs");

        Api.Response bad = api.get("/api/v1/customers?sort=nothing,asc", platform.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }

    private Api.Response awaitRegistrationAccepted(Map<String, Object> body) {
        // auth-service learns of the invitation through Kafka a moment after it was issued.
        Api.Response[] response = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            response[0] = api.post("/api/v1/public/registrations", null, body);
            return response[0].status() == 202;
        });
        return response[0];
    }

    private JsonNode awaitList(Platform platform, String query, java.util.function.Predicate<JsonNode> expected) {
        JsonNode[] list = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.get("/api/v1/customers?" + query, platform.adminToken());
            list[0] = response.json();
            return response.status() == 200 && expected.test(list[0]);
        });
        return list[0];
    }

    private static Map<String, String> teamTypes(JsonNode list) {
        Map<String, String> types = new java.util.HashMap<>();
        list.path("items").forEach(row -> types.put(row.path("account").asText(), row.path("teamType").asText()));
        return types;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }

    private static int count(JsonNode list) {
        return list.path("items").size();
    }
}
