package io.tally.auth.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testsupport.PublishedFacts;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' credentials through the running service, fed with customer-service's facts on a
 * real broker: password resets, sign-in, refresh, sign-out, own password changes and
 * disabled customers.
 */
@ServiceIntegrationTest
class CustomerCredentialsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    private Api api;
    private String platformId;
    private String admin;

    @BeforeEach
    void platformWithAdmin() {
        api = new Api(port);
        String provider = tokens(PROVIDER_USERNAME, PROVIDER_PASSWORD, null).get("accessToken").asText();
        Response platform = api.post("/api/v1/platforms", provider,
                "{\"name\":\"Platform " + UUID.randomUUID() + "\"}");
        platformId = platform.json().get("id").asText();
        Response created = api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                "{\"email\":\"admin-" + UUID.randomUUID() + "@example.com\"}");
        admin = tokens(created.json().get("email").asText(), created.json().get("password").asText(), null)
                .get("accessToken").asText();
    }

    private Response login(String username, String password, String platform) {
        return api.post("/api/v1/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"" + (platform == null ? "" : ",\"platformId\":\"" + platform + "\"") + "}");
    }

    private JsonNode tokens(String username, String password, String platform) {
        Response response = login(username, password, platform);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Jwt verified(String accessToken) {
        return NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build().decode(accessToken);
    }

    /** customer-service created a customer; auth-service gives it a credential without a password. */
    private String customer(String email) {
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, email, "Team " + email, null,
                TeamType.DEFAULT, Instant.now()));
        awaitTrue(() -> jdbc.queryForObject("SELECT count(*) FROM account_credentials WHERE account_id = ?",
                Integer.class, UUID.fromString(customerId)) == 1);
        return customerId;
    }

    private JsonNode generateReset(String customerId) {
        Response generated = api.post("/api/v1/customers/" + customerId + "/password-resets", admin, null);
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        return generated.json();
    }

    private Response confirm(String customerId, String resetId) {
        return api.post("/api/v1/customers/" + customerId + "/password-resets/" + resetId + "/confirmation",
                admin, null);
    }

    /** A customer with a confirmed generated password; returns the password. */
    private String customerWithPassword(String customerId) {
        JsonNode reset = generateReset(customerId);
        assertThat(confirm(customerId, reset.get("resetId").asText()).status()).isEqualTo(204);
        return reset.get("password").asText();
    }

    private Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Record awaitAuthRecord(Predicate<Record> wanted) {
        List<Record> records = KafkaProbe.readUntil(Topics.AUTH_EVENTS, all -> all.stream().anyMatch(wanted));
        return records.stream().filter(wanted).findFirst().orElseThrow();
    }

    @Test
    void aCreatedCustomerCannotSignInUntilAResetIsConfirmed() {
        String customerId = customer("eve@example.com");
        assertProblem(login("eve@example.com", "any password at all", platformId), 401, "invalid_credentials");

        JsonNode reset = generateReset(customerId);
        String password = reset.get("password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(Instant.parse(reset.get("expiresAt").asText()))
                .isCloseTo(clock.instant().plus(Duration.ofMinutes(10)), within(Duration.ofSeconds(5)));
        assertProblem(login("eve@example.com", password, platformId), 401, "invalid_credentials");

        assertThat(confirm(customerId, reset.get("resetId").asText()).status()).isEqualTo(204);
        JsonNode session = tokens("EVE@example.com", password, platformId);
        Jwt token = verified(session.get("accessToken").asText());
        assertThat(token.getSubject()).isEqualTo(customerId);
        assertThat(token.getClaimAsString("role")).isEqualTo("CUSTOMER");
        assertThat(token.getClaimAsString("platform")).isEqualTo(platformId);
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("eve@example.com");
        assertThat(session.get("refreshToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(session.get("refreshExpiresIn").asLong()).isEqualTo(Duration.ofHours(12).toSeconds());

        Record published = awaitAuthRecord(r -> "io.tally.auth.PasswordReset.v1".equals(r.type())
                && customerId.equals(r.key()));
        assertThat(published.data()).contains(reset.get("resetId").asText()).doesNotContain(password);
    }

    @Test
    void aConfirmedResetReplacesTheOldPasswordAndEndsTheSessions() {
        String customerId = customer("frank@example.com");
        String oldPassword = customerWithPassword(customerId);
        JsonNode oldSession = tokens("frank@example.com", oldPassword, platformId);

        JsonNode reset = generateReset(customerId);
        String newPassword = reset.get("password").asText();
        tokens("frank@example.com", oldPassword, platformId);
        assertProblem(login("frank@example.com", newPassword, platformId), 401, "invalid_credentials");

        assertThat(confirm(customerId, reset.get("resetId").asText()).status()).isEqualTo(204);
        assertProblem(login("frank@example.com", oldPassword, platformId), 401, "invalid_credentials");
        tokens("frank@example.com", newPassword, platformId);
        assertProblem(refresh(oldSession.get("refreshToken").asText()), 401, "invalid_refresh_token");
        assertProblem(api.put("/api/v1/me/password", oldSession.get("accessToken").asText(),
                "{\"currentPassword\":\"" + newPassword + "\",\"newPassword\":\"a brand new passphrase\"}"),
                401, "session_ended");

        Record revoked = awaitAuthRecord(r -> "io.tally.auth.SessionsRevoked.v1".equals(r.type())
                && customerId.equals(r.key()) && r.data().contains("PASSWORD_RESET"));
        assertThat(revoked.data()).contains("\"notBefore\"");
        assertProblem(confirm(customerId, reset.get("resetId").asText()), 409, "password_reset_finished");
    }

    @Test
    void anUnconfirmedResetExpiresAfterTenMinutes() {
        String customerId = customer("grace@example.com");
        JsonNode reset = generateReset(customerId);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertProblem(confirm(customerId, reset.get("resetId").asText()), 409, "password_reset_expired");
        assertProblem(login("grace@example.com", reset.get("password").asText(), platformId), 401,
                "invalid_credentials");
    }

    @Test
    void resetsAreForThePlatformsOwnCustomersOnly() {
        String customerId = customer("heidi@example.com");
        assertProblem(api.post("/api/v1/customers/" + UUID.randomUUID() + "/password-resets", admin, null),
                404, "customer_not_found");
        assertProblem(api.post("/api/v1/customers/not-a-uuid/password-resets", admin, null),
                404, "customer_not_found");
        assertProblem(confirm(customerId, UUID.randomUUID().toString()), 404, "password_reset_not_found");

        String provider = tokens(PROVIDER_USERNAME, PROVIDER_PASSWORD, null).get("accessToken").asText();
        Response otherPlatform = api.post("/api/v1/platforms", provider,
                "{\"name\":\"Other " + UUID.randomUUID() + "\"}");
        Response otherAdmin = api.post("/api/v1/platforms/" + otherPlatform.json().get("id").asText() + "/admins",
                provider, "{\"email\":\"other-" + UUID.randomUUID() + "@example.com\"}");
        String other = tokens(otherAdmin.json().get("email").asText(), otherAdmin.json().get("password").asText(),
                null).get("accessToken").asText();
        assertProblem(api.post("/api/v1/customers/" + customerId + "/password-resets", other, null),
                404, "customer_not_found");
        assertProblem(api.post("/api/v1/customers/" + customerId + "/password-resets", provider, null),
                403, "forbidden");

        String password = customerWithPassword(customerId);
        String customerToken = tokens("heidi@example.com", password, platformId).get("accessToken").asText();
        assertProblem(api.post("/api/v1/customers/" + customerId + "/password-resets", customerToken, null),
                403, "forbidden");
        assertProblem(login("heidi@example.com", password, UUID.randomUUID().toString()), 401,
                "invalid_credentials");
        assertProblem(login("heidi@example.com", password, null), 401, "invalid_credentials");
        Response malformedPlatform = login("heidi@example.com", password, "platform-one");
        assertThat(malformedPlatform.status()).isEqualTo(400);
        assertThat(malformedPlatform.json().get("errors").get(0).get("field").asText()).isEqualTo("platformId");
    }

    @Test
    void aRefreshTokenIsRotatedAndItsReuseEndsEverySession() {
        String customerId = customer("ivan@example.com");
        String password = customerWithPassword(customerId);
        JsonNode first = tokens("ivan@example.com", password, platformId);
        Response refreshed = refresh(first.get("refreshToken").asText());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String second = refreshed.json().get("refreshToken").asText();
        assertThat(second).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(verified(refreshed.json().get("accessToken").asText()).getClaimAsString("sid"))
                .isEqualTo(verified(first.get("accessToken").asText()).getClaimAsString("sid"));

        assertProblem(refresh(first.get("refreshToken").asText()), 401, "refresh_token_reused");
        assertProblem(refresh(second), 401, "invalid_refresh_token");
        awaitAuthRecord(r -> "io.tally.auth.SessionsRevoked.v1".equals(r.type()) && customerId.equals(r.key())
                && r.data().contains("REFRESH_TOKEN_REUSED"));
        assertProblem(refresh("not-a-token"), 401, "invalid_refresh_token");
        assertThat(refresh("").status()).isEqualTo(400);

        JsonNode again = tokens("ivan@example.com", password, platformId);
        assertThat(refresh(again.get("refreshToken").asText()).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenExpires() {
        String customerId = customer("judy@example.com");
        JsonNode session = tokens("judy@example.com", customerWithPassword(customerId), platformId);
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertProblem(refresh(session.get("refreshToken").asText()), 401, "invalid_refresh_token");
    }

    @Test
    void signingOutEndsTheSessions() {
        String customerId = customer("ken@example.com");
        JsonNode session = tokens("ken@example.com", customerWithPassword(customerId), platformId);
        assertThat(api.post("/api/v1/auth/logout", session.get("accessToken").asText(), null).status())
                .isEqualTo(204);
        assertProblem(refresh(session.get("refreshToken").asText()), 401, "invalid_refresh_token");
        assertProblem(api.post("/api/v1/auth/logout", session.get("accessToken").asText(), null), 401,
                "session_ended");
        assertProblem(api.post("/api/v1/auth/logout", null, null), 401, "unauthenticated");
        awaitAuthRecord(r -> "io.tally.auth.SessionsRevoked.v1".equals(r.type()) && customerId.equals(r.key())
                && r.data().contains("LOGOUT"));
    }

    @Test
    void aCustomerChangesTheirOwnPasswordAndOtherSessionsEnd() {
        String customerId = customer("lena@example.com");
        String password = customerWithPassword(customerId);
        JsonNode other = tokens("lena@example.com", password, platformId);
        String access = tokens("lena@example.com", password, platformId).get("accessToken").asText();

        assertProblem(api.put("/api/v1/me/password", access,
                "{\"currentPassword\":\"wrong current one\",\"newPassword\":\"violet-harbour-lantern\"}"),
                400, "current_password_wrong");
        assertProblem(api.put("/api/v1/me/password", access,
                "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"short\"}"), 400, "password_too_short");
        assertProblem(api.put("/api/v1/me/password", access,
                "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"lena@example.com\"}"),
                400, "password_is_email");
        assertProblem(api.put("/api/v1/me/password", access,
                "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"Password1234\"}"),
                400, "password_too_common");
        tokens("lena@example.com", password, platformId);

        Response changed = api.put("/api/v1/me/password", access,
                "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"violet-harbour-lantern\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertProblem(login("lena@example.com", password, platformId), 401, "invalid_credentials");
        tokens("lena@example.com", "violet-harbour-lantern", platformId);
        assertProblem(refresh(other.get("refreshToken").asText()), 401, "invalid_refresh_token");
        assertProblem(api.post("/api/v1/auth/logout", access, null), 401, "session_ended");
        assertThat(refresh(changed.json().get("refreshToken").asText()).status()).isEqualTo(200);
        awaitAuthRecord(r -> "io.tally.auth.SessionsRevoked.v1".equals(r.type()) && customerId.equals(r.key())
                && r.data().contains("PASSWORD_CHANGED"));
    }

    @Test
    void aDisabledCustomerIsRefusedWithinTwoSecondsAndLetBackInWhenEnabled() {
        String customerId = customer("mia@example.com");
        String password = customerWithPassword(customerId);
        JsonNode session = tokens("mia@example.com", password, platformId);

        long published = System.nanoTime();
        PublishedFacts.publish(new CustomerDisabledEvent(customerId, platformId));
        awaitTrue(() -> login("mia@example.com", password, platformId).status() == 403);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(2));
        assertProblem(login("mia@example.com", password, platformId), 403, "account_disabled");
        assertProblem(login("mia@example.com", "not her password", platformId), 401, "invalid_credentials");
        assertProblem(refresh(session.get("refreshToken").asText()), 401, "invalid_refresh_token");
        assertProblem(api.post("/api/v1/auth/logout", session.get("accessToken").asText(), null), 401,
                "session_ended");
        awaitAuthRecord(r -> "io.tally.auth.SessionsRevoked.v1".equals(r.type()) && customerId.equals(r.key())
                && r.data().contains("CUSTOMER_DISABLED"));

        PublishedFacts.publish(new CustomerEnabledEvent(customerId, platformId));
        awaitTrue(() -> login("mia@example.com", password, platformId).status() == 200);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return org.assertj.core.api.Assertions.within(duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
    }
}
