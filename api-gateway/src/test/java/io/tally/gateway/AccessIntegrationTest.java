package io.tally.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway refuses before forwarding: no token, a bad one (another key, issuer or audience, no
 * issue time), the wrong role, or a token issued before its subject's sessions ended. Nothing
 * refused reaches a service.
 */
class AccessIntegrationTest extends GatewayTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    private static final String PLATFORM = UUID.randomUUID().toString();
    private static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> wrongRoles() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/customers", "CUSTOMER"),
                Arguments.of("GET", "/api/v1/customers", "PROVIDER"),
                Arguments.of("POST", "/api/v1/customers/" + ID + "/balance/refills", "CUSTOMER"),
                Arguments.of("PUT", "/api/v1/customers/" + ID + "/credits", "PROVIDER"),
                Arguments.of("GET", "/api/v1/customers/" + ID + "/billing-details", "CUSTOMER"),
                Arguments.of("POST", "/api/v1/customers/" + ID + "/password-resets", "CUSTOMER"),
                Arguments.of("POST", "/api/v1/invitations", "CUSTOMER"),
                Arguments.of("GET", "/api/v1/credit-pool", "CUSTOMER"),
                Arguments.of("GET", "/api/v1/credit-pool", "PROVIDER"),
                Arguments.of("POST", "/api/v1/platforms", "PLATFORM_ADMIN"),
                Arguments.of("PUT", "/api/v1/platforms/" + PLATFORM + "/credit-pool", "PLATFORM_ADMIN"),
                Arguments.of("POST", "/api/v1/platforms/" + PLATFORM + "/admins", "CUSTOMER"),
                Arguments.of("POST", "/api/v1/signing-keys/rotation", "PLATFORM_ADMIN"),
                Arguments.of("GET", "/api/v1/me", "PLATFORM_ADMIN"),
                Arguments.of("GET", "/api/v1/me/billing-details", "PLATFORM_ADMIN"),
                Arguments.of("PUT", "/api/v1/me/billing-info", "PROVIDER"));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("wrongRoles")
    void refusesTheWrongRoleWithoutForwarding(String method, String path, String role) {
        String token = TestTokens.token("someone", role, "PROVIDER".equals(role) ? null : PLATFORM);

        send(method, path, token).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");

        assertNothingForwarded();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongRoles")
    void refusesAMissingTokenWithoutForwarding(String method, String path, String role) {
        send(method, path, null).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        assertNothingForwarded();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PLATFORM_ADMIN", "CUSTOMER"})
    void refusesAPlatformRoleWithoutAWellFormedPlatform(String role) {
        String path = role.equals("CUSTOMER") ? "/api/v1/me" : "/api/v1/customers";
        send("GET", path, TestTokens.token("someone", role, null)).expectStatus().isForbidden();
        send("GET", path, TestTokens.token("someone", role, "not-a-platform")).expectStatus().isForbidden();

        assertNothingForwarded();
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("PLATFORM_ADMIN", Instant.now(),
                TestTokens.ISSUER).build());
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        send("GET", "/api/v1/customers", forged.serialize()).expectStatus().isUnauthorized();

        assertNothingForwarded();
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TestTokens.token("someone", "PLATFORM_ADMIN", PLATFORM, Instant.now().minus(Duration.ofMinutes(20)));

        send("GET", "/api/v1/customers", expired).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        assertNothingForwarded();
    }

    /** Correctly signed, each but for one flaw: not one of Tally's access tokens (AccessTokenRules). */
    static Stream<Arguments> tokensWithOneFlaw() throws Exception {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("another issuer", signed(claims("PLATFORM_ADMIN", now, "someone-else"))),
                Arguments.of("another audience",
                        signed(claims("PLATFORM_ADMIN", now, TestTokens.ISSUER).audience("another-api"))),
                Arguments.of("no audience",
                        signed(claims("PLATFORM_ADMIN", now, TestTokens.ISSUER).audience((String) null))),
                Arguments.of("no issue time", signed(claims("PLATFORM_ADMIN", now, TestTokens.ISSUER).issueTime(null))),
                Arguments.of("not a token at all", "not.a.token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensWithOneFlaw")
    void refusesATokenOfAnotherIssuerOrAudienceOrWithoutIssueTimeWithoutForwarding(String flaw, String token) {
        send("GET", "/api/v1/customers", token).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        assertNothingForwarded();
    }

    @Test
    void acceptsTheSameTokenWithAuthServicesIssuerAudienceAndIssueTime() throws Exception {
        send("GET", "/api/v1/customers", signed(claims("PLATFORM_ADMIN", Instant.now(), TestTokens.ISSUER)))
                .expectStatus().isOk();

        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).hasSize(1);
    }

    @Test
    void refusesTokensIssuedBeforeTheSubjectsSessionsEndedWithinTwoSeconds() {
        String customer = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String old = TestTokens.token(customer, "CUSTOMER", PLATFORM, issued);
        String bystanders = TestTokens.token(bystander, "CUSTOMER", PLATFORM, issued);
        send("GET", "/api/v1/me", old).expectStatus().isOk();

        Instant notBefore = issued.plusSeconds(10);
        PublishedFacts.publish(new SessionsRevokedEvent(customer, PLATFORM, notBefore,
                SessionRevocationReason.CUSTOMER_DISABLED));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                send("GET", "/api/v1/me", old).expectStatus().isUnauthorized()
                        .expectBody().jsonPath("$.code").isEqualTo("session_ended"));

        CUSTOMER.clear();
        send("GET", "/api/v1/me", old).expectStatus().isUnauthorized();
        send("GET", "/api/v1/me", TestTokens.token(customer, "CUSTOMER", PLATFORM, notBefore.minusSeconds(1)))
                .expectStatus().isUnauthorized();
        assertNothingForwarded();

        send("GET", "/api/v1/me", TestTokens.token(customer, "CUSTOMER", PLATFORM, notBefore)).expectStatus().isOk();
        send("GET", "/api/v1/me", bystanders).expectStatus().isOk();
        assertThat(CUSTOMER.receivedAt("/api/v1/me")).hasSize(2);
    }

    @Test
    void anEarlierRevocationArrivingLateDoesNotUndoALaterOne() {
        String admin = "admin-" + UUID.randomUUID();
        Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PublishedFacts.publish(new SessionsRevokedEvent(admin, PLATFORM, later, SessionRevocationReason.LOGOUT));
        String before = TestTokens.token(admin, "PLATFORM_ADMIN", PLATFORM, later.minusSeconds(5));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                send("GET", "/api/v1/customers", before).expectStatus().isUnauthorized());

        PublishedFacts.publish(new SessionsRevokedEvent(admin, PLATFORM, later.minusSeconds(60),
                SessionRevocationReason.PASSWORD_CHANGED));
        // Read after the late one only if it shares its partition: Kafka orders within a partition alone.
        String marker = onTheSamePartitionAs(admin, "marker-");
        Instant markerRevoked = Instant.now().plusSeconds(5);
        PublishedFacts.publish(new SessionsRevokedEvent(marker, PLATFORM, markerRevoked, SessionRevocationReason.LOGOUT));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                send("GET", "/api/v1/customers", TestTokens.token(marker, "PLATFORM_ADMIN", PLATFORM)).expectStatus()
                        .isUnauthorized());

        send("GET", "/api/v1/customers", before).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("session_ended");
    }

    @Test
    void reportsReadyOnceTheRevocationsAreRead() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec send(String method, String path, String token) {
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (!method.equals("GET")) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        }
        return request.exchange();
    }

    /** A new subject whose revocations are keyed onto the same partition as {@code subject}'s. */
    private static String onTheSamePartitionAs(String subject, String prefix) {
        int partition = partitionOf(subject);
        String candidate = prefix + UUID.randomUUID();
        while (partitionOf(candidate) != partition) {
            candidate = prefix + UUID.randomUUID();
        }
        return candidate;
    }

    /** The partition Kafka's producer picks for a record key. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % AUTH_TOPIC_PARTITIONS;
    }

    private static void assertNothingForwarded() {
        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    /** A token's claims as auth-service issues them, but for the issuer given. */
    private static JWTClaimsSet.Builder claims(String role, Instant issuedAt, String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(TestTokens.AUDIENCE).subject("someone")
                .claim("role", role).claim("platform", PLATFORM).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(900)));
    }

    /** Signed with the test key, which the gateway trusts. */
    private static String signed(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(TestTokens.privateKey()));
        return jwt.serialize();
    }
}
