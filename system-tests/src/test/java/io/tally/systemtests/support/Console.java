package io.tally.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the admin console does, step by step, through the gateway: the tests' vocabulary. */
public final class Console {

    /** A platform made for one test: its id and its admin, signed in. */
    public record Platform(String id, String adminId, String adminEmail, String adminPassword, String adminToken) {
    }

    private static final Pattern VERIFICATION_TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9._~-]+)");
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);

    private final TallySystem system;
    private final Api api;

    Console(TallySystem system) {
        this.system = system;
        this.api = system.api();
    }

    public String providerToken() {
        return login(TallySystem.PROVIDER_USERNAME, TallySystem.PROVIDER_PASSWORD, null);
    }

    public Api.Response signIn(String username, String password, String platformId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        if (platformId != null) {
            body.put("platformId", platformId);
        }
        return api.post("/api/v1/auth/login", null, body);
    }

    public String login(String username, String password, String platformId) {
        Api.Response response = signIn(username, password, platformId);
        assertThat(response.status()).as("sign-in of %s: %s", username, response).isEqualTo(200);
        return response.json().path("accessToken").asText();
    }

    /** A new platform in USD with its pool at {@code pool} and its admin signed in. */
    public Platform newPlatform(String pool) {
        String provider = providerToken();
        Api.Response platform = api.post("/api/v1/platforms", provider,
                Map.of("name", "Platform " + UUID.randomUUID(), "currency", "USD"));
        assertThat(platform.status()).as("platform: %s", platform).isEqualTo(201);
        String platformId = platform.json().path("id").asText();
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider, Map.of("email", email));
        assertThat(admin.status()).as("admin: %s", admin).isEqualTo(201);
        String password = admin.json().path("password").asText();
        Api.Response poolSet = money("PUT", "/api/v1/platforms/" + platformId + "/credit-pool", provider,
                Map.of("total", pool), "pool-" + UUID.randomUUID());
        assertThat(poolSet.status()).as("pool: %s", poolSet).isEqualTo(200);
        return new Platform(platformId, admin.json().path("id").asText(), email, password, login(email, password, null));
    }

    /** A customer the admin creates (taken as verified); answers its id. */
    public String createCustomer(Platform platform, String email, String teamName) {
        Api.Response created = api.post("/api/v1/customers", platform.adminToken(),
                Map.of("email", email, "teamName", teamName));
        assertThat(created.status()).as("create %s: %s", email, created).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /**
     * A money write with its idempotency key. The ledger learns of a new customer or platform
     * through Kafka a moment after its creation: until then it answers 404, and the write is
     * simply sent again with the same key, as any client may.
     */
    public Api.Response money(String method, String path, String token, Object body, String key) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            Api.Response response = api.send(method, path, token, body, Map.of("Idempotency-Key", key));
            if (response.status() != 404 || System.nanoTime() > deadline) {
                return response;
            }
            pause(100);
        }
    }

    public Api.Response refill(Platform platform, String customerId, String amount, String key) {
        return money("POST", "/api/v1/customers/" + customerId + "/balance/refills", platform.adminToken(),
                Map.of("amount", amount, "note", "refill " + key), key);
    }

    public Api.Response deduct(Platform platform, String customerId, String amount, String key) {
        return money("POST", "/api/v1/customers/" + customerId + "/balance/deductions", platform.adminToken(),
                Map.of("amount", amount), key);
    }

    public Api.Response setCredits(Platform platform, String customerId, String amount, String key) {
        return money("PUT", "/api/v1/customers/" + customerId + "/credits", platform.adminToken(),
                Map.of("amount", amount), key);
    }

    /** The customer's row, once it satisfies {@code expected} (the list follows through Kafka). */
    public JsonNode awaitCustomer(Platform platform, String customerId, Predicate<JsonNode> expected) {
        JsonNode[] row = new JsonNode[1];
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.get("/api/v1/customers/" + customerId, platform.adminToken());
            row[0] = response.json();
            return response.status() == 200 && expected.test(row[0]);
        });
        return row[0];
    }

    /** The token of the newest verification link mailed to {@code email}. */
    public String verificationTokenMailedTo(String email) {
        String[] token = new String[1];
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            MimeMessage[] received = system.mail().getReceivedMessages();
            for (int index = received.length - 1; index >= 0; index--) {
                MimeMessage message = received[index];
                boolean toThem = Arrays.stream(message.getAllRecipients())
                        .anyMatch(recipient -> recipient.toString().contains(email));
                Matcher link = VERIFICATION_TOKEN.matcher(text(message.getContent()));
                if (toThem && link.find()) {
                    token[0] = link.group(1);
                    return true;
                }
            }
            return false;
        });
        return token[0];
    }

    /** The decoded text of a mail, whatever its transfer encoding and parts. */
    private static String text(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int index = 0; index < parts.getCount(); index++) {
                text.append(text(parts.getBodyPart(index).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Sleeps; an interrupt ends the test. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
