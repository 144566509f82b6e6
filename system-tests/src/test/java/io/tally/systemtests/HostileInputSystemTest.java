package io.tally.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tally.systemtests.fuzz.Wire;
import io.tally.systemtests.fuzz.Wire.Exchange;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hostile or careless client sends, through the gateway and at each service's own port:
 * text that breaks or misleads (controls, bidi overrides, zero-width characters, lone surrogates,
 * noncharacters) in query parameters, the sign-in username and body fields; negative and absurd
 * paging; loose JSON; wrong content types; empty bodies; deep nesting and huge numbers; unknown
 * fields; a customer's token on an admin's routes and another platform's ids. Each is refused with
 * the documented 4xx as a problem with a {@code code}, naming the field at fault where there is
 * one, never a 5xx; and none of it changes the platform's customer list, its customer's details
 * and billing details, or its credit pool. Chunked and oversized bodies, odd paths and long URLs
 * or headers are api-gateway's own tests' business (BodyLimitIntegrationTest,
 * ContainerRefusalsIntegrationTest), forged tokens each service's (TokenChecksIntegrationTest).
 */
class HostileInputSystemTest extends SystemTest {

    /** Text a request must not bring, by what is wrong with it. */
    private static final Map<String, String> BAD_TEXT = orderedOf(
            "NUL", "\u0000",
            "escape", "\u001B",
            "line feed", "\n",
            "right-to-left override", "\u202E",
            "zero-width space", "\u200B",
            "lone surrogate", "\uD800",
            "noncharacter", "\uFFFE");

    /** JSON with every character outside ASCII escaped, so that a lone surrogate travels as written. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String DEEP_ARRAY = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String JSON = "application/json";

    private static Platform platform;
    private static Platform otherPlatform;
    private static String customer;
    private static String otherCustomer;
    private static String customerToken;
    private static Wire gateway;

    private Map<String, String> before;

    @BeforeAll
    static void aPlatformWithACustomerAndAnother() {
        platform = console.newPlatform("70.00");
        otherPlatform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("hostile");
        customer = console.createCustomer(platform, email, "Hostile Team");
        otherCustomer = console.createCustomer(otherPlatform, Console.uniqueEmail("other"), "Other Team");
        assertThat(console.refill(platform, customer, "5.00", "hostile-refill-" + UUID.randomUUID()).status())
                .isEqualTo(200);
        assertThat(console.setCredits(platform, customer, "3.00", "hostile-credits-" + UUID.randomUUID()).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/customers/" + customer + "/tags", platform.adminToken(),
                Map.of("tags", List.of("steady"))).status()).isEqualTo(204);
        console.awaitCustomer(platform, customer, row -> "5.00".equals(row.path("balance").asText())
                && "3.00".equals(row.path("credits").asText()) && row.path("tags").size() == 1);
        customerToken = customerSignedIn(email);
        gateway = new Wire(api.base(), system.contract());
    }

    @BeforeEach
    void takeState() {
        before = state();
    }

    /** Whatever the probes were, the customer list, the customer, its billing details and the pool stay as they were. */
    @AfterEach
    void nothingChanged() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(state()).isEqualTo(before));
    }

    @Test
    void textThatBreaksOrMisleadsIsRefusedInQueriesTheSignInAndBodies() {
        List<Probe> probes = new ArrayList<>();
        BAD_TEXT.forEach((what, text) -> {
            probes.add(new Probe("q with " + what, admin("GET", "/api/v1/customers?q=" + Wire.encode("ab" + text + "c"),
                    null), 400, "q"));
            probes.add(new Probe("tag with " + what, admin("GET", "/api/v1/customers?tag=" + Wire.encode("vip" + text),
                    null), 400, "tag"));
            probes.add(new Probe("sign-in username with " + what, anonymous("POST", "/api/v1/auth/login",
                    json(Map.of("username", "someone" + text + "@example.com", "password", "not the password"))),
                    400, "username"));
            probes.add(new Probe("teamName with " + what, admin("POST", "/api/v1/customers",
                    json(Map.of("email", Console.uniqueEmail("text"), "teamName", "Team " + text))), 400, "teamName"));
            probes.add(new Probe("contactName with " + what, admin("PATCH", "/api/v1/customers/" + customer,
                    json(Map.of("contactName", "Ada" + text))), 400, "contactName"));
            probes.add(new Probe("a tag with " + what, admin("PUT", "/api/v1/customers/" + customer + "/tags",
                    json(Map.of("tags", List.of("steady", "new" + text)))), 400, "tags[1]"));
            probes.add(new Probe("refill note with " + what, money("POST",
                    "/api/v1/customers/" + customer + "/balance/refills",
                    json(Map.of("amount", "1.00", "note", "note " + text))), 400, "note"));
            probes.add(new Probe("a state with " + what, admin("PUT", "/api/v1/customers/" + customer + "/state",
                    json(Map.of("state", "ON" + text))), 400, "state"));
            probes.add(new Probe("invitation status with " + what, admin("GET", "/api/v1/invitations?status="
                    + Wire.encode("PENDING" + text), null), 400, "status"));
        });
        assertRefused(probes);
    }

    @Test
    void negativeAndAbsurdPagingIsRefused() {
        String billing = "/api/v1/customers/" + customer + "/billing-details";
        assertRefused(List.of(
                new Probe("limit -5", admin("GET", "/api/v1/customers?limit=-5", null), 400, "limit"),
                new Probe("limit 0", admin("GET", "/api/v1/customers?limit=0", null), 400, "limit"),
                new Probe("limit 10^12", admin("GET", "/api/v1/customers?limit=1000000000000", null), 400, "limit"),
                new Probe("limit not a number", admin("GET", "/api/v1/customers?limit=ten", null), 400, "limit"),
                new Probe("cursor garbage", admin("GET", "/api/v1/customers?cursor=garbage", null), 400, "cursor"),
                new Probe("cursor of base64 junk", admin("GET", "/api/v1/customers?cursor="
                        + Wire.encode("c29tZXRoaW5nLGVsc2UKbm90LWEtdXVpZAoxOTcwLTAxLTAxVDAwOjAwOjAwWg"), null),
                        400, "cursor"),
                new Probe("cursor of 4,000 characters", admin("GET", "/api/v1/customers?cursor=" + "A".repeat(4000),
                        null), 400, "cursor"),
                new Probe("invitations limit -5", admin("GET", "/api/v1/invitations?limit=-5", null), 400, "limit"),
                new Probe("invitations offset -1", admin("GET", "/api/v1/invitations?offset=-1", null), 400, "offset"),
                new Probe("invitations limit 10^12", admin("GET", "/api/v1/invitations?limit=1000000000000", null),
                        400, "limit"),
                new Probe("invitations offset 10^12", admin("GET", "/api/v1/invitations?offset=1000000000000", null),
                        400, "offset"),
                new Probe("billing details limit -5", admin("GET", billing + "?limit=-5", null), 400, "limit"),
                new Probe("billing details limit 10^12", admin("GET", billing + "?limit=1000000000000", null),
                        400, "limit"),
                new Probe("billing details cursor garbage", admin("GET", billing + "?cursor=garbage", null),
                        400, "cursor"),
                new Probe("billing details from not an instant", admin("GET", billing + "?from=yesterday", null),
                        400, "from")));
    }

    @Test
    void looseJsonIsRefused() {
        String email = Console.uniqueEmail("loose");
        assertRefused(List.of(
                new Probe("junk after the object", admin("POST", "/api/v1/customers",
                        "{\"email\":\"" + email + "\",\"teamName\":\"Loose\"} x"), 400, null),
                new Probe("a second object after the first", admin("POST", "/api/v1/customers",
                        "{\"email\":\"" + email + "\",\"teamName\":\"Loose\"}{\"email\":\"" + email + "\"}"), 400, null),
                new Probe("a key given twice", admin("POST", "/api/v1/customers",
                        "{\"email\":\"" + email + "\",\"teamName\":\"Loose\",\"teamName\":\"Looser\"}"), 400, "teamName"),
                new Probe("a number where text belongs", admin("POST", "/api/v1/customers",
                        "{\"email\":\"" + email + "\",\"teamName\":42}"), 400, "teamName"),
                new Probe("a boolean where text belongs", admin("POST", "/api/v1/customers",
                        "{\"email\":\"" + email + "\",\"teamName\":true}"), 400, "teamName"),
                new Probe("an array where text belongs", admin("POST", "/api/v1/customers",
                        "{\"email\":[\"" + email + "\"],\"teamName\":\"Loose\"}"), 400, "email"),
                new Probe("text where a number belongs", admin("POST", "/api/v1/invitations",
                        "{\"expiresInDays\":\"7\"}"), 400, "expiresInDays"),
                new Probe("a fraction where a whole number belongs", admin("POST", "/api/v1/invitations",
                        "{\"expiresInDays\":7.5}"), 400, "expiresInDays"),
                new Probe("a boolean where a number belongs", admin("POST", "/api/v1/invitations",
                        "{\"expiresInDays\":true}"), 400, "expiresInDays"),
                new Probe("an amount as a JSON number", money("POST", "/api/v1/customers/" + customer + "/balance/refills",
                        "{\"amount\":20}"), 400, "amount"),
                new Probe("an amount given twice", money("PUT", "/api/v1/customers/" + customer + "/credits",
                        "{\"amount\":\"1.00\",\"amount\":\"2.00\"}"), 400, "amount"),
                new Probe("a state as a number", admin("PUT", "/api/v1/customers/" + customer + "/state",
                        "{\"state\":0}"), 400, "state"),
                new Probe("null as an invitation's options", admin("POST", "/api/v1/invitations", "null"), 400, null),
                new Probe("a username as a number", anonymous("POST", "/api/v1/auth/login",
                        "{\"username\":5,\"password\":\"not the password\"}"), 400, "username")));
    }

    @Test
    void wrongContentTypesAndEmptyBodiesAreRefused() {
        String body = json(Map.of("email", Console.uniqueEmail("typed"), "teamName", "Typed"));
        assertRefused(List.of(
                new Probe("text/plain", typed("POST", "/api/v1/customers", platform.adminToken(), "text/plain", body),
                        415, null),
                new Probe("application/xml", typed("POST", "/api/v1/customers", platform.adminToken(), "application/xml",
                        "<customer><email>x@example.com</email><teamName>X</teamName></customer>"), 415, null),
                new Probe("a form", typed("POST", "/api/v1/customers", platform.adminToken(),
                        "application/x-www-form-urlencoded", "email=x%40example.com&teamName=X"), 415, null),
                new Probe("no content type", typed("POST", "/api/v1/customers", platform.adminToken(), null, body),
                        415, null),
                new Probe("text/plain state", typed("PUT", "/api/v1/customers/" + customer + "/state",
                        platform.adminToken(), "text/plain", "{\"state\":\"OFF\"}"), 415, null),
                new Probe("text/plain refill", gateway.send("POST", "/api/v1/customers/" + customer + "/balance/refills",
                        headers(platform.adminToken(), "text/plain", true), "{\"amount\":\"1.00\"}"), 415, null),
                new Probe("text/plain sign-in", typed("POST", "/api/v1/auth/login", null, "text/plain",
                        "{\"username\":\"someone@example.com\",\"password\":\"x\"}"), 415, null),
                new Probe("an empty customer", admin("POST", "/api/v1/customers", ""), 400, null),
                new Probe("an empty object as a customer", admin("POST", "/api/v1/customers", "{}"), 400, "email"),
                new Probe("null as a customer", admin("POST", "/api/v1/customers", "null"), 400, null),
                new Probe("empty tags", admin("PUT", "/api/v1/customers/" + customer + "/tags", ""), 400, null),
                new Probe("an empty refill", money("POST", "/api/v1/customers/" + customer + "/balance/refills", ""),
                        400, null),
                new Probe("an empty object as credits", money("PUT", "/api/v1/customers/" + customer + "/credits", "{}"),
                        400, "amount"),
                new Probe("an empty sign-in", anonymous("POST", "/api/v1/auth/login", ""), 400, null),
                new Probe("an empty object as a sign-in", anonymous("POST", "/api/v1/auth/login", "{}"), 400,
                        "username")));
    }

    @Test
    void deepNestingAndHugeNumbersAreRefused() {
        String refills = "/api/v1/customers/" + customer + "/balance/refills";
        assertRefused(List.of(
                new Probe("10,000 nested arrays as a customer", admin("POST", "/api/v1/customers", DEEP_ARRAY), 400, null),
                new Probe("10,000 nested arrays as an email", admin("POST", "/api/v1/customers",
                        "{\"email\":" + DEEP_ARRAY + ",\"teamName\":\"Deep\"}"), 400, "email"),
                new Probe("10,000 nested arrays as a refill", money("POST", refills, DEEP_ARRAY), 400, null),
                new Probe("10,000 nested arrays as a username", anonymous("POST", "/api/v1/auth/login",
                        "{\"username\":" + DEEP_ARRAY + ",\"password\":\"x\"}"), 400, "username"),
                new Probe("1e999999 days", admin("POST", "/api/v1/invitations", "{\"expiresInDays\":1e999999}"),
                        400, "expiresInDays"),
                new Probe("a day count beyond every integer", admin("POST", "/api/v1/invitations",
                        "{\"expiresInDays\":99999999999999999999999}"), 400, "expiresInDays"),
                new Probe("1e999999 as an amount", money("POST", refills, "{\"amount\":1e999999}"), 400, "amount"),
                new Probe("\"1e999999\" as an amount", money("POST", refills, "{\"amount\":\"1e999999\"}"), 400, "amount"),
                new Probe("an amount of 5,000 digits", money("POST", refills,
                        "{\"amount\":\"" + "9".repeat(5000) + "\"}"), 400, "amount"),
                new Probe("a number of 5,000 digits", money("POST", refills, "{\"amount\":" + "9".repeat(5000) + "}"),
                        400, null)));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        assertRefused(List.of(
                new Probe("role on a new customer", admin("POST", "/api/v1/customers", json(Map.of(
                        "email", Console.uniqueEmail("unknown"), "teamName", "Unknown", "role", "PROVIDER"))), 400, "role"),
                new Probe("a nested unknown field", admin("POST", "/api/v1/customers", json(Map.of(
                        "email", Console.uniqueEmail("nested"), "teamName", "Nested",
                        "billingInfo", Map.of("type", "INDIVIDUAL", "address",
                                Map.of("line1", "1 Main St", "city", "Springfield", "country", "US", "planet", "Mars"))))),
                        400, "billingInfo.address.planet"),
                new Probe("platformId on an edit", admin("PATCH", "/api/v1/customers/" + customer,
                        json(Map.of("platformId", otherPlatform.id()))), 400, "platformId"),
                new Probe("customerId on a refill", money("POST", "/api/v1/customers/" + customer + "/balance/refills",
                        json(Map.of("amount", "1.00", "customerId", otherCustomer))), 400, "customerId"),
                new Probe("role on a sign-in", anonymous("POST", "/api/v1/auth/login", json(Map.of(
                        "username", "someone@example.com", "password", "not the password", "role", "PROVIDER"))),
                        400, "role")));
    }

    @Test
    void aCustomersTokenOnAdminRoutesAndAnotherPlatformsIdsAreRefused() {
        String id = "/api/v1/customers/" + customer;
        String theirs = "/api/v1/customers/" + otherCustomer;
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("customer lists customers", as(customerToken, "GET", "/api/v1/customers", null), 403, null),
                new Probe("customer creates a customer", as(customerToken, "POST", "/api/v1/customers",
                        json(Map.of("email", Console.uniqueEmail("self"), "teamName", "Self"))), 403, null),
                new Probe("customer reads itself as an admin", as(customerToken, "GET", id, null), 403, null),
                new Probe("customer edits itself as an admin", as(customerToken, "PATCH", id,
                        json(Map.of("teamName", "Mine now"))), 403, null),
                new Probe("customer refills itself", gateway.send("POST", id + "/balance/refills",
                        headers(customerToken, JSON, true), json(Map.of("amount", "1000.00"))), 403, null),
                new Probe("customer sets its credits", gateway.send("PUT", id + "/credits",
                        headers(customerToken, JSON, true), json(Map.of("amount", "70.00"))), 403, null),
                new Probe("customer reads the pool", as(customerToken, "GET", "/api/v1/credit-pool", null), 403, null),
                new Probe("customer invites", as(customerToken, "POST", "/api/v1/invitations", "{}"), 403, null),
                new Probe("customer creates a platform", as(customerToken, "POST", "/api/v1/platforms",
                        json(Map.of("name", "Mine " + UUID.randomUUID(), "currency", "USD"))), 403, null),
                new Probe("customer rotates the signing key", as(customerToken, "POST", "/api/v1/signing-keys/rotation",
                        null), 403, null),
                new Probe("customer resets its password as an admin", as(customerToken, "POST", id + "/password-resets",
                        null), 403, null)));
        String stranger = otherPlatform.adminToken();
        probes.addAll(List.of(
                new Probe("another platform reads", as(stranger, "GET", id, null), 404, null),
                new Probe("another platform edits", as(stranger, "PATCH", id, json(Map.of("teamName", "Taken"))), 404, null),
                new Probe("another platform disables", as(stranger, "PUT", id + "/state", json(Map.of("state", "OFF"))),
                        404, null),
                new Probe("another platform tags", as(stranger, "PUT", id + "/tags", json(Map.of("tags", List.of("x")))),
                        404, null),
                new Probe("another platform refills", gateway.send("POST", id + "/balance/refills",
                        headers(stranger, JSON, true), json(Map.of("amount", "1.00"))), 404, null),
                new Probe("another platform deducts", gateway.send("POST", id + "/balance/deductions",
                        headers(stranger, JSON, true), json(Map.of("amount", "1.00"))), 404, null),
                new Probe("another platform sets credits", gateway.send("PUT", id + "/credits",
                        headers(stranger, JSON, true), json(Map.of("amount", "0.00"))), 404, null),
                new Probe("another platform reads billing details", as(stranger, "GET", id + "/billing-details", null),
                        404, null),
                new Probe("an admin refills another platform's customer", gateway.send("POST", theirs + "/balance/refills",
                        headers(platform.adminToken(), JSON, true), json(Map.of("amount", "1.00"))), 404, null)));
        assertRefused(probes);
    }

    @Test
    void theServicesRefuseTheSameAtTheirOwnPorts() {
        String token = platform.adminToken();
        Wire customers = gateway.at(system.service("customer-service").uri());
        Wire ledger = gateway.at(system.service("credit-ledger-service").uri());
        Wire auth = gateway.at(system.service("auth-service").uri());
        String email = Console.uniqueEmail("direct");
        String refills = "/api/v1/customers/" + customer + "/balance/refills";
        Map<String, String> json = headers(token, JSON, false);
        Map<String, String> keyed = headers(token, JSON, true);
        Map<String, String> anonymousJson = headers(null, JSON, false);
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("customer-service: q with NUL", customers.send("GET", "/api/v1/customers?q="
                        + Wire.encode("ab\u0000c"), json, (String) null), 400, "q"),
                new Probe("customer-service: tag with a bidi override", customers.send("GET", "/api/v1/customers?tag="
                        + Wire.encode("vip\u202E"), json, (String) null), 400, "tag"),
                new Probe("customer-service: q with a lone surrogate", customers.send("GET", "/api/v1/customers?q="
                        + Wire.encode("ab\uD800c"), json, (String) null), 400, "q"),
                new Probe("customer-service: limit -5", customers.send("GET", "/api/v1/customers?limit=-5", json,
                        (String) null), 400, "limit"),
                new Probe("customer-service: offset -1", customers.send("GET", "/api/v1/invitations?offset=-1", json,
                        (String) null), 400, "offset"),
                new Probe("customer-service: junk after the object", customers.send("POST", "/api/v1/customers", json,
                        "{\"email\":\"" + email + "\",\"teamName\":\"Direct\"} x"), 400, null),
                new Probe("customer-service: a key given twice", customers.send("POST", "/api/v1/customers", json,
                        "{\"email\":\"" + email + "\",\"teamName\":\"A\",\"teamName\":\"B\"}"), 400, "teamName"),
                new Probe("customer-service: a number for text", customers.send("POST", "/api/v1/customers", json,
                        "{\"email\":\"" + email + "\",\"teamName\":7}"), 400, "teamName"),
                new Probe("customer-service: an unknown field", customers.send("POST", "/api/v1/customers", json,
                        json(Map.of("email", email, "teamName", "Direct", "platformId", otherPlatform.id()))),
                        400, "platformId"),
                new Probe("customer-service: teamName with a zero-width space", customers.send("POST", "/api/v1/customers",
                        json, json(Map.of("email", email, "teamName", "Di\u200Brect"))), 400, "teamName"),
                new Probe("customer-service: 10,000 nested arrays", customers.send("POST", "/api/v1/customers", json,
                        DEEP_ARRAY), 400, null),
                new Probe("customer-service: text/plain", customers.send("POST", "/api/v1/customers",
                        headers(token, "text/plain", false), json(Map.of("email", email, "teamName", "Direct"))),
                        415, null),
                new Probe("customer-service: an empty body", customers.send("POST", "/api/v1/customers", json, ""),
                        400, null),
                new Probe("credit-ledger-service: limit -5", ledger.send("GET", "/api/v1/customers/" + customer
                        + "/billing-details?limit=-5", json, (String) null), 400, "limit"),
                new Probe("credit-ledger-service: cursor garbage", ledger.send("GET", "/api/v1/customers/" + customer
                        + "/billing-details?cursor=garbage", json, (String) null), 400, "cursor"),
                new Probe("credit-ledger-service: 1e999999 as an amount", ledger.send("POST", refills, keyed,
                        "{\"amount\":1e999999}"), 400, "amount"),
                new Probe("credit-ledger-service: a note with NUL", ledger.send("POST", refills, keyed,
                        json(Map.of("amount", "1.00", "note", "a\u0000b"))), 400, "note"),
                new Probe("credit-ledger-service: junk after the object", ledger.send("POST", refills, keyed,
                        "{\"amount\":\"1.00\"} x"), 400, null),
                new Probe("credit-ledger-service: an amount given twice", ledger.send("POST", refills, keyed,
                        "{\"amount\":\"1.00\",\"amount\":\"9.00\"}"), 400, "amount"),
                new Probe("credit-ledger-service: an unknown field", ledger.send("POST", refills, keyed,
                        json(Map.of("amount", "1.00", "platformId", otherPlatform.id()))), 400, "platformId"),
                new Probe("credit-ledger-service: 10,000 nested arrays", ledger.send("POST", refills, keyed, DEEP_ARRAY),
                        400, null),
                new Probe("credit-ledger-service: text/plain", ledger.send("POST", refills,
                        headers(token, "text/plain", true), "{\"amount\":\"1.00\"}"), 415, null),
                new Probe("credit-ledger-service: an empty body", ledger.send("POST", refills, keyed, ""), 400, null),
                new Probe("auth-service: a username with NUL", auth.send("POST", "/api/v1/auth/login", anonymousJson,
                        json(Map.of("username", "a\u0000b@example.com", "password", "x"))), 400, "username"),
                new Probe("auth-service: a username with a lone surrogate", auth.send("POST", "/api/v1/auth/login",
                        anonymousJson, json(Map.of("username", "a\uD800b@example.com", "password", "x"))), 400, "username"),
                new Probe("auth-service: a username with a bidi override", auth.send("POST", "/api/v1/auth/login",
                        anonymousJson, json(Map.of("username", "a\u202Eb@example.com", "password", "x"))), 400, "username"),
                new Probe("auth-service: junk after the object", auth.send("POST", "/api/v1/auth/login", anonymousJson,
                        "{\"username\":\"a@example.com\",\"password\":\"x\"} x"), 400, null),
                new Probe("auth-service: a key given twice", auth.send("POST", "/api/v1/auth/login", anonymousJson,
                        "{\"username\":\"a@example.com\",\"username\":\"b@example.com\",\"password\":\"x\"}"),
                        400, "username"),
                new Probe("auth-service: an unknown field", auth.send("POST", "/api/v1/auth/login", anonymousJson,
                        json(Map.of("username", "a@example.com", "password", "x", "role", "PROVIDER"))), 400, "role"),
                new Probe("auth-service: 10,000 nested arrays", auth.send("POST", "/api/v1/auth/login", anonymousJson,
                        DEEP_ARRAY), 400, null),
                new Probe("auth-service: text/plain", auth.send("POST", "/api/v1/auth/login",
                        headers(null, "text/plain", false), "{\"username\":\"a@example.com\",\"password\":\"x\"}"),
                        415, null),
                new Probe("auth-service: an empty body", auth.send("POST", "/api/v1/auth/login", anonymousJson, ""),
                        400, null)));
        assertRefused(probes);
    }

    /** One hostile request, its answer, and the refusal it must get: a status and, where there is one, the field. */
    private record Probe(String what, Exchange answer, int status, String field) {
    }

    private static void assertRefused(List<Probe> probes) {
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : probes) {
            Exchange answer = probe.answer();
            String description = probe.what() + ":\n  " + answer;
            softly.assertThat(answer.status()).as("status of %s", description).isEqualTo(probe.status());
            softly.assertThat(answer.isProblem()).as("a problem: %s", description).isTrue();
            softly.assertThat(answer.code()).as("the problem's code: %s", description).isNotBlank();
            softly.assertThat(answer.json().path("status").asInt()).as("the problem's status: %s", description)
                    .isEqualTo(answer.status());
            if (probe.field() != null) {
                softly.assertThat(answer.fields()).as("the fields named: %s", description).contains(probe.field());
            }
            softly.assertThat(answer.violations()).as("departures from the API document: %s", description).isEmpty();
        }
        softly.assertAll();
    }

    private static Exchange admin(String method, String path, String body) {
        return as(platform.adminToken(), method, path, body);
    }

    private static Exchange anonymous(String method, String path, String body) {
        return as(null, method, path, body);
    }

    private static Exchange as(String token, String method, String path, String body) {
        return gateway.send(method, path, headers(token, body == null ? null : JSON, false), body);
    }

    /** A money write of the platform's admin, with an Idempotency-Key of its own. */
    private static Exchange money(String method, String path, String body) {
        return gateway.send(method, path, headers(platform.adminToken(), JSON, true), body);
    }

    private static Exchange typed(String method, String path, String token, String contentType, String body) {
        return gateway.send(method, path, headers(token, contentType, false), body);
    }

    private static Map<String, String> headers(String token, String contentType, boolean idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (idempotencyKey) {
            headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
        }
        return headers;
    }

    private static String json(Object body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The platform as its admin sees it: the list, the customer, its billing details, the pool, tags and invitations. */
    private static Map<String, String> state() {
        Map<String, String> state = new HashMap<>();
        for (String path : List.of("/api/v1/customers?limit=200", "/api/v1/customers/" + customer,
                "/api/v1/customers/" + customer + "/billing-details?limit=200", "/api/v1/credit-pool",
                "/api/v1/customers/tags", "/api/v1/invitations?limit=200")) {
            Api.Response response = api.get(path, platform.adminToken());
            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(200);
            state.put(path, response.body());
        }
        return state;
    }

    /** The customer signed in with a password an admin's reset gave it. */
    private static String customerSignedIn(String email) {
        Api.Response[] reset = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            reset[0] = api.post("/api/v1/customers/" + customer + "/password-resets", platform.adminToken(), null);
            return reset[0].status() == 201;
        });
        assertThat(api.post("/api/v1/customers/" + customer + "/password-resets/"
                + reset[0].json().path("resetId").asText() + "/confirmation", platform.adminToken(), null).status())
                .isEqualTo(204);
        return console.login(email, reset[0].json().path("password").asText(), platform.id());
    }

    private static Map<String, String> orderedOf(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
