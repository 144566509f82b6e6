package io.tally.ledger.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.ledger.support.LedgerApiTest;
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
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger defends itself at its own port, whatever the gateway would have done: a token whose sessions ended (a
 * sign-out, a disabled customer), one of another issuer and one for another audience are refused with a problem and
 * move no money; a good token still works. A token the ledger remembers from an earlier write is refused as soon as
 * its sessions end.
 */
class TokenChecksIntegrationTest extends LedgerApiTest {

    @LocalManagementPort
    int managementPort;

    private final Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);

    @Test
    void aSignedOutAdminsRememberedTokenBooksNoRefillWhileANewOneDoes() {
        String customerId = customer();
        String subject = "admin-" + UUID.randomUUID() + "@example.com";
        String before = TestTokens.token(subject, "PLATFORM_ADMIN", platformId, issued);
        Response booked = refillWith(before, customerId, "5.00", "before-1");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(200);

        PublishedFacts.publish(new SessionsRevokedEvent(subject, platformId, issued.plusSeconds(1),
                SessionRevocationReason.LOGOUT));

        assertRefused(api.await("/api/v1/credit-pool", before, r -> r.status() == 401), 401, "session_ended");
        assertRefused(refillWith(before, customerId, "7.00", "before-2"), 401, "session_ended");
        String after = TestTokens.token(subject, "PLATFORM_ADMIN", platformId, issued.plusSeconds(1));
        Response next = refillWith(after, customerId, "1.00", "after-1");
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.json().get("balance").asText()).isEqualTo("6.00");
    }

    @Test
    void aDisabledCustomersTokenIsRefusedOnceTheirSessionsEnd() {
        String customerId = customer();
        String customer = TestTokens.customer(customerId, platformId);
        Response own = api.get("/api/v1/me/billing-details", customer);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);

        // As auth-service answers customer-service's CustomerDisabled: every session of the customer ends.
        PublishedFacts.publish(new SessionsRevokedEvent(customerId, platformId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), SessionRevocationReason.CUSTOMER_DISABLED));

        assertRefused(api.await("/api/v1/me/billing-details", customer, r -> r.status() == 401), 401,
                "session_ended");
        assertRefused(api.get("/api/v1/me/billing-details/export", customer), 401, "session_ended");
    }

    @Test
    void aTokenOfAnotherIssuerMovesNoMoney() {
        String customerId = customer();
        String foreign = signed(claims -> claims.issuer("https://issuer.example.com"));

        assertRefused(refillWith(foreign, customerId, "9.00", "foreign-1"), 401, "unauthenticated");
        assertRefused(api.get("/api/v1/credit-pool", foreign), 401, "unauthenticated");
        Response good = refillWith(signed(claims -> claims), customerId, "1.00", "good-1");
        assertThat(good.status()).as("the same token, right issuer: " + good).isEqualTo(200);
        assertThat(good.json().get("balance").asText()).isEqualTo("1.00");
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneMovesNoMoney() {
        String customerId = customer();

        assertRefused(refillWith(signed(claims -> claims.audience("another-api")), customerId, "9.00", "aud-1"), 401,
                "unauthenticated");
        assertRefused(refillWith(signed(claims -> claims.audience((String) null)), customerId, "9.00", "aud-2"), 401,
                "unauthenticated");
        assertRefused(send("PUT", "/api/v1/platforms/" + platformId + "/credit-pool",
                provider(claims -> claims.audience("another-api")), "aud-3", "{\"total\":\"100.00\"}"), 401,
                "unauthenticated");
        assertThat(api.get("/api/v1/credit-pool", admin).json().get("total").asText()).isEqualTo("0.00");
        assertThat(refill(customerId, "\"1.00\"", "aud-4").json().get("balance").asText()).isEqualTo("1.00");
    }

    @Test
    void theServiceIsReadyOnceItKnowsTheEndedSessions() {
        Response readiness = new Api(managementPort).get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    }

    private Response refillWith(String token, String customerId, String amount, String key) {
        return send("POST", "/api/v1/customers/" + customerId + "/balance/refills", token, key,
                "{\"amount\":\"" + amount + "\"}");
    }

    /** An admin token of this test's platform as auth-service would sign it, changed by {@code change}. */
    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims("PLATFORM_ADMIN").claim("platform", platformId)));
    }

    private String provider(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims("PROVIDER")));
    }

    private JWTClaimsSet.Builder claims(String role) {
        return new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject(role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com")
                .claim("role", role)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15))));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
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
