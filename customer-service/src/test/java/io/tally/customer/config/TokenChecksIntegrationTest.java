package io.tally.customer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service defends itself at its own port, whatever the gateway would have done: a token whose sessions ended (a
 * sign-out, a disabled customer), one of another issuer and one for another audience are refused with a problem, and
 * nothing they asked for happens; a good token still works.
 */
class TokenChecksIntegrationTest extends ServiceApiTest {

    @LocalManagementPort
    int managementPort;

    private final Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);

    @Test
    void aSignedOutAdminsTokenIsRefusedAndEditsNothingWhileANewOneWorks() {
        String subject = "admin-" + UUID.randomUUID() + "@example.com";
        String before = TestTokens.token(subject, "PLATFORM_ADMIN", platform, issued);
        String id = create(before, "before@example.com", "Before");

        PublishedFacts.publish(new SessionsRevokedEvent(subject, platform, issued.plusSeconds(1),
                SessionRevocationReason.LOGOUT));

        assertRefused(api.await("/api/v1/customers/" + id, before, r -> r.status() == 401), 401, "session_ended");
        assertRefused(api.patch("/api/v1/customers/" + id, before, "{\"teamName\":\"Edited\"}"), 401, "session_ended");
        assertRefused(api.get("/api/v1/customers", before), 401, "session_ended");
        String after = TestTokens.token(subject, "PLATFORM_ADMIN", platform, issued.plusSeconds(1));
        JsonNode customer = api.get("/api/v1/customers/" + id, after).json();
        assertThat(customer.get("teamName").asText()).isEqualTo("Before");
        assertThat(api.get("/api/v1/customers/" + id, admin).status()).as("another admin's token").isEqualTo(200);
    }

    @Test
    void aDisabledCustomersTokenIsRefusedOnceTheirSessionsEnd() {
        String id = create(admin, "disabled@example.com", "Disabled");
        String customer = TestTokens.customer(id, platform);
        assertThat(api.await("/api/v1/me", customer, r -> r.status() == 200).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/customers/" + id + "/state", admin, "{\"state\":\"OFF\"}").status())
                .isEqualTo(204);
        // As auth-service answers the CustomerDisabled event: every session of the customer ends.
        PublishedFacts.publish(new SessionsRevokedEvent(id, platform,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), SessionRevocationReason.CUSTOMER_DISABLED));

        assertRefused(api.await("/api/v1/me", customer, r -> r.status() == 401), 401, "session_ended");
        assertRefused(api.put("/api/v1/me/billing-info", customer, "{\"type\":\"INDIVIDUAL\"}"), 401,
                "session_ended");
        assertThat(api.get("/api/v1/customers/" + id, admin).json().get("teamType").asText()).isEqualTo("DEFAULT");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAndChangesNothing() {
        String id = create(admin, "issuer@example.com", "Original");
        String foreign = signed(claims -> claims.issuer("https://issuer.example.com"));

        assertRefused(api.get("/api/v1/customers", foreign), 401, "unauthenticated");
        assertRefused(api.patch("/api/v1/customers/" + id, foreign, "{\"teamName\":\"Edited\"}"), 401,
                "unauthenticated");
        assertThat(api.get("/api/v1/customers/" + id, admin).json().get("teamName").asText()).isEqualTo("Original");
        assertThat(api.get("/api/v1/customers", signed(claims -> claims)).status()).as("the same token, right issuer")
                .isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertRefused(api.get("/api/v1/customers", signed(claims -> claims.audience("another-api"))), 401,
                "unauthenticated");
        assertRefused(api.get("/api/v1/customers", signed(claims -> claims.audience((String) null))), 401,
                "unauthenticated");
        assertRefused(api.post("/api/v1/customers", signed(claims -> claims.audience("another-api")),
                "{\"email\":\"audience@example.com\",\"teamName\":\"Audience\"}"), 401, "unauthenticated");
        assertThat(api.get("/api/v1/customers?q=audience@example.com", admin).json().get("total").asLong()).isZero();
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefused() {
        assertRefused(api.get("/api/v1/customers", signed(claims -> claims.issueTime(null))), 401,
                "unauthenticated");
    }

    @Test
    void theServiceIsReadyOnceItKnowsTheEndedSessions() {
        Response readiness = new Api(managementPort).get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    }

    private String create(String token, String email, String teamName) {
        Response created = api.post("/api/v1/customers", token,
                "{\"email\":\"" + email + "\",\"teamName\":\"" + teamName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200);
        return id;
    }

    /** An admin token of this test's platform as auth-service would sign it, changed by {@code change}. */
    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("admin-" + UUID.randomUUID() + "@example.com")
                .claim("role", "PLATFORM_ADMIN")
                .claim("platform", platform)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15))));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
            jwt.sign(new RSASSASigner(TestTokens.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
