package io.tally.customer.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.RawHttp;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's customer API over HTTP, on the real service: every rule and every refusal. */
class CustomerApiIntegrationTest extends ServiceApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @LocalManagementPort
    int managementPort;

    @Test
    void createdCustomerAppearsInTheListWithEveryColumn() {
        Response created = api.post("/api/v1/customers", admin,
                "{\"email\":\"Ada@Example.com\",\"teamName\":\"Analytical\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + id);

        JsonNode row = api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200).json();
        assertThat(row.get("account").asText()).isEqualTo("Ada@Example.com");
        assertThat(row.get("teamName").asText()).isEqualTo("Analytical");
        assertThat(row.get("teamType").asText()).isEqualTo("DEFAULT");
        assertThat(row.get("balance").asText()).isEqualTo("0.00");
        assertThat(row.get("credits").asText()).isEqualTo("0.00");
        assertThat(row.get("currency").asText()).isEqualTo("USD");
        assertThat(row.get("state").asText()).isEqualTo("ON");
        assertThat(row.get("registeredAt").asText()).isNotBlank();
        assertThat(row.has("companyName")).isFalse();
    }

    @Test
    void billingInformationDecidesTheTeamTypeAndOnlyEnterprisesShowACompany() {
        String id = create("bill@example.com", "Billing",
                ",\"billingInfo\":{\"type\":\"ENTERPRISE\",\"companyName\":\"Acme\",\"address\":"
                        + "{\"line1\":\"1 Main St\",\"city\":\"Springfield\",\"country\":\"US\"}}");
        JsonNode row = api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200).json();
        assertThat(row.get("teamType").asText()).isEqualTo("ENTERPRISE");
        assertThat(row.get("companyName").asText()).isEqualTo("Acme");
        assertThat(row.get("address").get("city").asText()).isEqualTo("Springfield");

        assertThat(api.put("/api/v1/customers/" + id + "/billing-info", admin, "{\"type\":\"INDIVIDUAL\"}").status())
                .isEqualTo(204);
        row = api.await("/api/v1/customers/" + id, admin, r -> r.json().get("teamType").asText().equals("INDIVIDUAL"))
                .json();
        assertThat(row.has("companyName")).isFalse();

        Response refused = api.put("/api/v1/customers/" + id + "/billing-info", admin, "{\"type\":\"ENTERPRISE\"}");
        assertProblem(refused, 400, "company_name_required", "billingInfo.companyName");
        refused = api.patch("/api/v1/customers/" + id, admin, "{\"companyName\":\"Sneaky\"}");
        assertProblem(refused, 400, "company_name_enterprise_only", "companyName");
    }

    @Test
    void editsStateAndTagsFollowIntoTheList() {
        String id = create("edit@example.com", "Before", "");
        assertThat(api.patch("/api/v1/customers/" + id, admin,
                "{\"teamName\":\"After\",\"contactName\":\"Eve\",\"phone\":\"+1 555 0100\"}").status()).isEqualTo(204);
        assertThat(api.put("/api/v1/customers/" + id + "/state", admin, "{\"state\":\"OFF\"}").status()).isEqualTo(204);
        assertThat(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\" Gold \",\"vip\"]}").status())
                .isEqualTo(204);

        JsonNode row = api.await("/api/v1/customers/" + id, admin,
                r -> r.json().get("tags").size() == 2 && r.json().get("state").asText().equals("OFF")).json();
        assertThat(row.get("teamName").asText()).isEqualTo("After");
        assertThat(row.get("contactName").asText()).isEqualTo("Eve");
        assertThat(row.get("tags").get(0).asText()).isEqualTo("Gold");

        assertThat(api.await("/api/v1/customers?tag=GOLD", admin, r -> r.json().get("total").asLong() == 1)
                .json().get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/v1/customers?state=ON&tag=gold", admin).json().get("total").asLong()).isZero();
    }

    @Test
    void everyTotalFollowsEveryChange() {
        String first = create("facet1@example.com", "Facets", "");
        String second = create("facet2@example.com", "Facets",
                ",\"billingInfo\":{\"type\":\"INDIVIDUAL\"}");
        api.put("/api/v1/customers/" + first + "/tags", admin, "{\"tags\":[\"Gold\",\"vip\"]}");
        api.put("/api/v1/customers/" + second + "/tags", admin, "{\"tags\":[\"gold\"]}");
        api.put("/api/v1/customers/" + first + "/state", admin, "{\"state\":\"OFF\"}");
        api.put("/api/v1/customers/" + first + "/state", admin, "{\"state\":\"OFF\"}");
        api.put("/api/v1/customers/" + first + "/tags", admin, "{\"tags\":[\"VIP\"]}");
        api.put("/api/v1/customers/" + first + "/billing-info", admin, "{\"type\":\"INDIVIDUAL\"}");
        api.await("/api/v1/customers?teamType=INDIVIDUAL", admin, r -> r.json().get("total").asLong() == 2);

        assertThat(total("")).isEqualTo(2);
        assertThat(total("?tag=gold")).isEqualTo(1);
        assertThat(total("?tag=vip")).isEqualTo(1);
        assertThat(total("?tag=silver")).isZero();
        assertThat(total("?state=OFF")).isEqualTo(1);
        assertThat(total("?state=ON")).isEqualTo(1);
        assertThat(total("?teamType=INDIVIDUAL")).isEqualTo(2);
        assertThat(total("?teamType=DEFAULT")).isZero();
        assertThat(total("?state=OFF&tag=vip")).isEqualTo(1);
        assertThat(total("?state=ON&tag=vip")).isZero();
        for (String query : List.of("", "?tag=gold", "?tag=vip", "?state=OFF", "?state=ON", "?teamType=INDIVIDUAL")) {
            assertThat(total(query)).as("the kept total of %s equals the rows listed", query)
                    .isEqualTo(api.get("/api/v1/customers" + query + (query.isEmpty() ? "?" : "&") + "limit=200",
                            admin).json().get("items").size());
        }
    }

    @Test
    void thePlatformsTagsInUseAreListedMostUsedFirstAndOnlyItsOwn() {
        String first = create("taglist1@example.com", "Tag list", "");
        String second = create("taglist2@example.com", "Tag list", "");
        api.put("/api/v1/customers/" + first + "/tags", admin, "{\"tags\":[\"Gold\",\"eu\"]}");
        api.put("/api/v1/customers/" + second + "/tags", admin, "{\"tags\":[\"gold\"]}");
        String otherAdmin = TestTokens.admin(UUID.randomUUID().toString());
        api.await("/api/v1/customers/tags", admin, r -> r.json().get("items").size() == 2
                && r.json().get("items").get(0).get("customers").asLong() == 2);

        JsonNode items = api.get("/api/v1/customers/tags", admin).json().get("items");
        assertThat(items.get(0).get("tag").asText()).isEqualTo("gold");
        assertThat(items.get(1).get("tag").asText()).isEqualTo("eu");
        assertThat(items.get(1).get("customers").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers/tags", otherAdmin).json().get("items")).isEmpty();

        api.put("/api/v1/customers/" + first + "/tags", admin, "{\"tags\":[]}");
        api.await("/api/v1/customers/tags", admin, r -> r.json().get("items").size() == 1
                && r.json().get("items").get(0).get("customers").asLong() == 1);
        assertProblem(api.get("/api/v1/customers/tags?limit=5", admin), 400, "unknown_parameter", "limit");
    }

    @Test
    void tagRulesAreEnforcedAndARefusalChangesNothing() {
        String id = create("tags@example.com", "Tags", "");
        api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"keep\"]}");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("\"t" + i + "\"");
        }
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[" + String.join(",", many) + "]}"),
                400, "validation_failed", "tags");
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"a\",\"A \"]}"),
                400, "duplicate_tag", "tags[1]");
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"  \"]}"),
                400, "tag_blank", "tags[0]");
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"" + "x".repeat(41) + "\"]}"),
                400, "tag_too_long", "tags[0]");
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":null}"),
                400, "validation_failed", "tags");
        assertThat(api.await("/api/v1/customers/" + id, admin, r -> r.json().get("tags").size() == 1)
                .json().get("tags").get(0).asText()).isEqualTo("keep");
    }

    @Test
    void anAccountIsUniquePerPlatformIgnoringCase() {
        create("Dup@Example.com", "First", "");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"dup@EXAMPLE.com\",\"teamName\":\"Second\"}"),
                409, "email_taken", "email");
        String otherAdmin = TestTokens.admin(UUID.randomUUID().toString());
        assertThat(api.post("/api/v1/customers", otherAdmin, "{\"email\":\"dup@example.com\",\"teamName\":\"Other\"}")
                .status()).as("another platform may have the same account").isEqualTo(201);
        assertThat(api.await("/api/v1/customers?q=dup@", admin, r -> r.json().get("total").asLong() >= 1)
                .json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void twoConcurrentCreatesOfOneEmailLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < 5; round++) {
            String email = "race" + round + "@example.com";
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Integer> attempt = () -> {
                start.await();
                return api.post("/api/v1/customers", admin, "{\"email\":\"" + email + "\",\"teamName\":\"R\"}")
                        .status();
            };
            Future<Integer> first = pool.submit(attempt);
            Future<Integer> second = pool.submit(attempt);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 409);
            pool.shutdown();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_emails WHERE email_key = ?", Long.class,
                    email)).isEqualTo(1);
        }
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndTheRule() {
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":"), 400, "malformed_json", null);
        assertProblem(api.post("/api/v1/customers", admin, ""), 400, "missing_body", null);
        assertProblem(api.post("/api/v1/customers", admin, "{\"teamName\":\"T\"}"), 400, "validation_failed", "email");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"not-an-email\",\"teamName\":\"T\"}"),
                400, "validation_failed", "email");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"a@b\",\"teamName\":\"T\"}"),
                400, "validation_failed", "email");
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"" + "a".repeat(250) + "@example.com\",\"teamName\":\"T\"}"), 400, "validation_failed",
                "email");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"x@example.com\",\"teamName\":\"   \"}"),
                400, "validation_failed", "teamName");
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"x@example.com\",\"teamName\":\"" + "n".repeat(101) + "\"}"), 400, "validation_failed",
                "teamName");
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"x@example.com\",\"teamName\":\"T\",\"billingInfo\":{\"type\":\"GOVERNMENT\"}}"),
                400, "malformed_request", "billingInfo.type");
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"x@example.com\",\"teamName\":\"T\",\"billingInfo\":{\"type\":\"INDIVIDUAL\","
                        + "\"address\":{\"line1\":\"1\",\"city\":\"c\",\"country\":\"usa\"}}}"),
                400, "validation_failed", "billingInfo.address.country");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"x@example.com\",\"teamName\":\"T\",\"x\":1}"),
                400, "malformed_request", "x");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"x@example.com\",\"teamName\":\"T\"} junk"),
                400, "malformed_json", null);
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"x@example.com\",\"teamName\":\"T\"}{}"),
                400, "malformed_json", null);
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"x@example.com\",\"teamName\":\"T\",\"teamName\":\"U\"}"), 400, "malformed_request", "teamName");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"x@example.com\",\"teamName\":7}"),
                400, "malformed_request", "teamName");
        assertProblem(api.put("/api/v1/customers/" + UUID.randomUUID() + "/state", admin, "{\"state\":true}"),
                400, "malformed_request", "state");
        assertProblem(api.put("/api/v1/customers/" + UUID.randomUUID() + "/state", admin, "{\"state\":\"MAYBE\"}"),
                400, "malformed_request", "state");
        assertProblem(api.put("/api/v1/customers/" + UUID.randomUUID() + "/state", admin, "{\"state\":1}"),
                400, "malformed_request", "state");
        assertProblem(api.post("/api/v1/invitations", admin, "{\"expiresInDays\":7.5}"),
                400, "malformed_request", "expiresInDays");
        assertThat(api.get("/api/v1/invitations", admin).json().path("items").size())
                .as("no invitation made of a fraction").isZero();
        assertProblem(api.patch("/api/v1/customers/" + UUID.randomUUID(), admin, "{\"phone\":\"call me\"}"),
                400, "validation_failed", "phone");
        assertThat(api.get("/api/v1/customers?q=x@example.com", admin).json().get("total").asLong())
                .as("nothing refused was created").isZero();
    }

    @Test
    void whatSpringAndJacksonWouldBendIsRefusedToo() {
        String id = create("bend@example.com", "Bend", "");
        String customer = "/api/v1/customers/" + id;
        assertProblem(api.put(customer + "/state", admin, "{\"state\":\"OFF\\t\"}"), 400, "control_character", "state");
        assertProblem(api.put(customer + "/state", admin, "{\"state\":\"OFF\\u0000\"}"), 400, "control_character",
                "state");
        assertProblem(api.put(customer + "/state", admin, "{\"state\":\" OFF\"}"), 400, "malformed_request", "state");
        assertProblem(api.patch(customer, admin, "{\"contactName\":null}"), 400, "validation_failed", "contactName");
        assertProblem(api.put(customer + "/tags", admin, "{\"tags\":[\"a\",null]}"), 400, "validation_failed",
                "tags[1]");
        assertProblem(api.post("/api/v1/invitations", admin, "null"), 400, "body_not_object", null);
        assertProblem(api.postAs("/api/v1/customers", admin, "text/plain",
                "{\"email\":\"plain@example.com\",\"teamName\":\"Plain\"}"), 415, "unsupported_media_type", null);
        assertProblem(api.get("/api/v1/invitations?status=PENDING%00", admin), 400, "control_character", "status");
        assertProblem(api.get("/api/v1/customers?q=%ED%A0%80", admin), 400, "invalid_character", "q");
        assertProblem(api.get(customer + "?expand=all", admin), 400, "unknown_parameter", "expand");
        assertThat(api.get("/api/v1/invitations?status=PENDING", admin).status()).isEqualTo(200);
        Response unchanged = api.await(customer, admin, r -> r.status() == 200);
        assertThat(unchanged.json().get("state").asText()).isEqualTo("ON");
        assertThat(api.get("/api/v1/customers?q=plain", admin).json().get("items")).isEmpty();
    }

    @Test
    void misleadingUnicodeIsRefusedAndTextIsKeptNormalized() {
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"rlo@example.com\",\"teamName\":\"inv\\u202Eexe.pdf\"}"),
                400, "invisible_character", "teamName");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"zw@example.com\",\"teamName\":\"Ac\\u200Bme\"}"),
                400, "invisible_character", "teamName");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"sur@example.com\",\"teamName\":\"half \\ud83d\"}"),
                400, "invalid_character", "teamName");
        assertProblem(api.get("/api/v1/customers?q=a%E2%80%AEb", admin), 400, "invisible_character", "q");
        assertThat(api.get("/api/v1/customers?q=@example.com", admin).json().get("total").asLong())
                .as("nothing refused was created").isZero();

        String id = create("nfc@example.com", "Zoe\u0308 Team", "");
        JsonNode row = api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200).json();
        assertThat(row.get("teamName").asText()).as("kept composed").isEqualTo("Zo\u00eb Team");
        assertThat(api.get("/api/v1/customers?q=Zo%C3%AB", admin).json().get("total").asLong())
                .as("found by the composed spelling").isEqualTo(1);
    }

    @Test
    void controlCharactersAreRefusedAndTheListKeepsFollowing() {
        String id = create("clean@example.com", "Clean", "");
        assertProblem(api.post("/api/v1/customers", admin, "{\"email\":\"nul@example.com\",\"teamName\":\"a\\u0000b\"}"),
                400, "control_character", "teamName");
        assertProblem(api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"\\u0000\"]}"),
                400, "control_character", "tags[0]");
        assertProblem(api.patch("/api/v1/customers/" + id, admin, "{\"contactName\":\"bell\\u0007\"}"),
                400, "control_character", "contactName");
        assertProblem(api.put("/api/v1/customers/" + id + "/billing-info", admin,
                "{\"type\":\"ENTERPRISE\",\"companyName\":\"Acme\\u0000\"}"), 400, "control_character",
                "companyName");
        String after = create("after@example.com", "After", "");
        assertThat(api.await("/api/v1/customers/" + after, admin, r -> r.status() == 200).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers?q=nul@example", admin).json().get("total").asLong()).isZero();
    }

    @Test
    void aRefusedCreateReleasesTheEmailItClaimed() {
        assertProblem(api.post("/api/v1/customers", admin,
                "{\"email\":\"claim@example.com\",\"teamName\":\"T\",\"billingInfo\":{\"type\":\"ENTERPRISE\"}}"),
                400, "company_name_required", "billingInfo.companyName");
        assertThat(api.post("/api/v1/customers", admin, "{\"email\":\"claim@example.com\",\"teamName\":\"T\"}")
                .status()).as("the refused command's claim was rolled back with it").isEqualTo(201);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        Response response = api.post("/api/v1/public/email-verifications", null,
                "{\"token\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedBeforeItEnds() {
        RawHttp raw = new RawHttp(port);
        String answer = raw.chunkedPost("/api/v1/public/email-verifications", RawHttp.filler(72 * 1024), 8 * 1024, false);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"payload_too_large\"");
        String body = "{\"token\":\"" + "x".repeat(60_000) + "\"}";
        String within = raw.chunkedPost("/api/v1/public/email-verifications",
                body.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 4096, true);
        assertThat(within).as("a chunked body within the limit is read and judged on its content")
                .doesNotStartWith("HTTP/1.1 413").startsWith("HTTP/1.1 4").doesNotContain("payload_too_large");
    }

    @Test
    void forgedCursorsAndWrongKindsOfIdAreRefusedCleanly() {
        String id = create("forge@example.com", "Forge", "");
        api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200);
        for (String raw : List.of("balance,asc\nnot-a-uuid\n5", "balance,asc\n" + id + "\nfive",
                "registrationTime,desc\n" + id + "\nyesterday")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String sort = raw.substring(0, raw.indexOf('\n'));
            assertProblem(api.get("/api/v1/customers?sort=" + sort + "&cursor=" + cursor, admin), 400,
                    "cursor_invalid", "cursor");
        }
        String invitation = api.post("/api/v1/invitations", admin, "{}").json().get("id").asText();
        assertThat(api.put("/api/v1/customers/" + invitation + "/state", admin, "{\"state\":\"OFF\"}").status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/invitations/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invitations/" + invitation, admin).json().get("status").asText())
                .isEqualTo("PENDING");
        assertThat(api.get("/api/v1/invitations/" + invitation, TestTokens.admin(UUID.randomUUID().toString()))
                .status()).isEqualTo(404);
    }

    @Test
    void listParametersAreCheckedAndNamed() {
        assertProblem(api.get("/api/v1/customers?sort=shoeSize", admin), 400, "sort_field", "sort");
        assertProblem(api.get("/api/v1/customers?sort=balance,sideways", admin), 400, "sort_field", "sort");
        assertProblem(api.get("/api/v1/customers?limit=0", admin), 400, "range", "limit");
        assertProblem(api.get("/api/v1/customers?limit=201", admin), 400, "range", "limit");
        assertProblem(api.get("/api/v1/customers?limit=ten", admin), 400, "range", "limit");
        assertProblem(api.get("/api/v1/customers?cursor=garbage", admin), 400, "cursor_invalid", "cursor");
        assertProblem(api.get("/api/v1/customers?state=MAYBE", admin), 400, "one_of", "state");
        assertProblem(api.get("/api/v1/customers?teamType=SOLO", admin), 400, "one_of", "teamType");
        assertProblem(api.get("/api/v1/customers?minBalance=abc", admin), 400, "decimal", "minBalance");
        assertProblem(api.get("/api/v1/customers?minBalance=5&maxBalance=1", admin), 400, "range", "minBalance");
        assertProblem(api.get("/api/v1/customers?registeredFrom=yesterday", admin), 400, "instant", "registeredFrom");
        assertProblem(api.get("/api/v1/customers?colour=red", admin), 400, "unknown_parameter", "colour");
        assertProblem(api.get("/api/v1/customers?q=nul%00byte", admin), 400, "control_character", "q");
        assertProblem(api.get("/api/v1/customers/export?tag=v%00ip", admin), 400, "control_character", "tag");
        assertProblem(api.get("/api/v1/customers?q=" + "q".repeat(101), admin), 400, "size", "q");
        assertProblem(api.get("/api/v1/customers?q=ab", admin), 400, "size", "q");
        assertProblem(api.get("/api/v1/customers/export?limit=5", admin), 400, "unknown_parameter", "limit");
        assertThat(api.get("/api/v1/customers?q=abc", admin).json().get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void sortsSearchesAndPagesWithAStableCursor() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create("page" + i + "@example.com", "Team " + (char) ('G' - i), ""));
        }
        api.await("/api/v1/customers?q=page", admin, r -> r.json().get("total").asLong() == 7);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/api/v1/customers?q=page&sort=teamName,asc&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("teamName").asText()));
            assertThat(page.json().get("total").asLong()).isEqualTo(seen.size() <= 3 ? 7 : 8);
            cursor = page.json().has("nextCursor") ? page.json().get("nextCursor").asText() : null;
            if (seen.size() == 3) {
                create("page-late@example.com", "Team AB", "");
                api.await("/api/v1/customers?q=page", admin, r -> r.json().get("total").asLong() == 8);
            }
        } while (cursor != null);
        assertThat(seen).as("a row inserted behind the cursor neither shifts nor repeats the pages after it")
                .containsExactly("Team A", "Team B", "Team C", "Team D", "Team E", "Team F", "Team G");

        assertProblem(api.get("/api/v1/customers?sort=balance,asc&cursor="
                + api.get("/api/v1/customers?q=page&sort=teamName,asc&limit=1", admin).json().get("nextCursor")
                .asText(), admin), 400, "cursor_invalid", "cursor");
        JsonNode byTime = api.get("/api/v1/customers?q=page&limit=2", admin).json();
        String next = byTime.get("nextCursor").asText();
        JsonNode following = api.get("/api/v1/customers?q=page&limit=2&cursor=" + next, admin).json();
        assertThat(following.get("items").get(0).get("registeredAt").asText())
                .isLessThanOrEqualTo(byTime.get("items").get(1).get("registeredAt").asText());
    }

    @Test
    void exportsTheWholeFilteredListAsCsv() {
        create("csv1@example.com", "=HYPERLINK(\"x\")", "");
        create("csv2@example.com", "Comma, Inc", "");
        api.await("/api/v1/customers?q=csv", admin, r -> r.json().get("total").asLong() == 2);

        Response csv = api.get("/api/v1/customers/export?q=csv&sort=account,asc", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("customers.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Customer account,Team name,Team type,Internal customer ID");
        assertThat(lines[1]).startsWith("csv1@example.com,\"'=HYPERLINK(\"\"x\"\")\",DEFAULT,");
        assertThat(lines[2]).startsWith("csv2@example.com,\"Comma, Inc\",DEFAULT,");
    }

    @Test
    void anotherPlatformsCustomerIsNotFoundOnEveryRoute() {
        String id = create("mine@example.com", "Mine", "");
        api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200);
        String stranger = TestTokens.admin(UUID.randomUUID().toString());
        String path = "/api/v1/customers/" + id;
        List<Response> responses = List.of(
                api.get(path, stranger),
                api.patch(path, stranger, "{\"teamName\":\"Stolen\"}"),
                api.put(path + "/billing-info", stranger, "{\"type\":\"INDIVIDUAL\"}"),
                api.put(path + "/state", stranger, "{\"state\":\"OFF\"}"),
                api.put(path + "/tags", stranger, "{\"tags\":[\"stolen\"]}"));
        for (Response response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.json().get("code").asText()).isEqualTo("customer_not_found");
        }
        assertThat(api.get("/api/v1/customers", stranger).body()).doesNotContain(id);
        JsonNode row = api.get(path, admin).json();
        assertThat(row.get("teamName").asText()).isEqualTo("Mine");
        assertThat(row.get("state").asText()).isEqualTo("ON");
        assertThat(row.get("tags")).isEmpty();

        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/not-a-uuid", admin).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/customers/" + UUID.randomUUID() + "/state", admin, "{\"state\":\"OFF\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void onlyAPlatformAdminTokenReachesTheAdminRoutes() {
        assertProblem(api.get("/api/v1/customers", null), 401, "unauthenticated", null);
        assertProblem(api.get("/api/v1/customers", "not.a.jwt"), 401, "unauthenticated", null);
        assertProblem(api.get("/api/v1/customers", TestTokens.customer(UUID.randomUUID().toString(), platform)),
                403, "forbidden", null);
        assertProblem(api.get("/api/v1/customers", TestTokens.provider()), 403, "forbidden", null);
        assertProblem(api.get("/api/v1/customers", TestTokens.token("x", "PLATFORM_ADMIN", null)), 403, "forbidden",
                null);
        assertProblem(api.get("/api/v1/customers", TestTokens.token("x", "PLATFORM_ADMIN", "not-a-uuid")), 403,
                "forbidden", null);
        assertProblem(api.get("/api/v1/me", admin), 403, "forbidden", null);
    }

    @Test
    void aCustomerSeesAndSetsOnlyTheirOwnProfile() {
        String id = create("me@example.com", "Me", "");
        String customer = TestTokens.customer(id, platform);
        assertThat(api.await("/api/v1/me", customer, r -> r.status() == 200).json().get("account").asText())
                .isEqualTo("me@example.com");
        assertThat(api.put("/api/v1/me/billing-info", customer, "{\"type\":\"INDIVIDUAL\"}").status()).isEqualTo(204);
        assertThat(api.await("/api/v1/me", customer, r -> r.json().get("teamType").asText().equals("INDIVIDUAL"))
                .json().get("teamType").asText()).isEqualTo("INDIVIDUAL");
        assertThat(api.get("/api/v1/me", TestTokens.customer(id, UUID.randomUUID().toString())).status())
                .isEqualTo(404);
    }

    @Test
    void metricsArePublishedForPrometheus() {
        api.get("/api/v1/customers", admin);
        String metrics = new Api(managementPort).get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("tally_processor_behind{processor=\"customer-list\",service=\"customer-service\"}")
                .contains("http_server_requests_seconds_count{")
                .doesNotContain("tally_processor_behind{processor=\"registration-intake\"");
    }

    @Test
    void correlationIdsAreEchoed() {
        Response response = api.get("/api/v1/customers", admin);
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }

    private long total(String query) {
        return api.get("/api/v1/customers" + query, admin).json().get("total").asLong();
    }

    private String create(String email, String teamName, String extraJson) {
        Response created = api.post("/api/v1/customers", admin,
                "{\"email\":\"" + email + "\",\"teamName\":\"" + teamName.replace("\"", "\\\"") + "\"" + extraJson
                        + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(problem.get("type").asText()).startsWith("https://tally.io/problems/");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.toString()).contains(field);
        }
    }
}
