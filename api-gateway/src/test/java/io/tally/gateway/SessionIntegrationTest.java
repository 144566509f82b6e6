package io.tally.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.gateway.support.GatewayTest;
import io.tally.gateway.support.StubService;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's browser sessions: the refresh token only ever in an HttpOnly cookie, auth-service's
 * refusals passed on unchanged, cookie-authenticated calls refused without the page's CSRF token
 * or from another origin (and then nothing reaches auth-service), and the current session read
 * from a token the gateway has checked, revocations included. The address limit is raised here:
 * these tests make many anonymous calls from one address, and SessionRateLimitIntegrationTest
 * covers the limits.
 */
@TestPropertySource(properties = "tally.rate-limits.address.burst=1000")
class SessionIntegrationTest extends GatewayTest {

    private static final String LOGIN = "/api/v1/auth/login";
    private static final String REFRESH = "/api/v1/auth/refresh";
    private static final String LOGOUT = "/api/v1/auth/logout";
    private static final String PLATFORM = UUID.randomUUID().toString();
    private static final String SIGN_IN_BODY = "{\"username\":\"Ada@Example.com\",\"password\":\"correct horse battery\","
            + "\"platformId\":\"" + PLATFORM + "\"}";
    private static final String PROBLEM = "application/problem+json";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private MeterRegistry meters;

    @Test
    void signInKeepsTheRefreshTokenInAnHttpOnlyCookie() {
        AUTH.answer(LOGIN, 200, Map.of(), tokens("access-1", "refresh-1", 43_200));

        EntityExchangeResult<byte[]> result = signIn(request -> request.header("X-Correlation-Id", "console-7"))
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();

        JsonNode body = read(result);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("accessToken", "tokenType", "expiresIn", "csrfToken");
        assertThat(body.get("accessToken").asText()).isEqualTo("access-1");
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        String csrf = body.get("csrfToken").asText();
        assertThat(csrf).matches("[A-Za-z0-9_-]{43}");
        assertThat(new String(result.getResponseBodyContent())).doesNotContain("refresh-1", "refreshToken");

        assertThat(setCookies(result)).hasSize(2);
        assertThat(cookie(result, "tally_session")).isEqualTo("tally_session=refresh-1");
        assertAttributes(result, "tally_session", "Path=/api/v1/session", "Max-Age=43200", "HttpOnly", "SameSite=Strict");
        assertThat(cookie(result, "tally_csrf")).isEqualTo("tally_csrf=" + csrf);
        assertAttributes(result, "tally_csrf", "Path=/", "Max-Age=43200", "SameSite=Strict");

        StubService.Received login = AUTH.receivedAt(LOGIN).get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.body()).isEqualTo(SIGN_IN_BODY);
        assertThat(login.header("Content-Type")).startsWith("application/json");
        assertThat(login.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(login.header("X-Correlation-Id")).isEqualTo("console-7");
        assertThat(login.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(AUTH.received()).hasSize(1);
    }

    @Test
    void cookiesAreSecureWhenTheGatewayWasReachedOverHttps() {
        AUTH.answer(LOGIN, 200, Map.of(), tokens("access-1", "refresh-1", 600));

        EntityExchangeResult<byte[]> result = signIn(request -> request.header("X-Forwarded-Proto", "https"))
                .expectStatus().isOk().expectBody().returnResult();

        assertAttributes(result, "tally_session", "Path=/api/v1/session", "Max-Age=600", "HttpOnly", "SameSite=Strict", "Secure");
        assertAttributes(result, "tally_csrf", "Path=/", "Max-Age=600", "SameSite=Strict", "Secure");
    }

    static Stream<Arguments> refusedSignIns() {
        return Stream.of(
                Arguments.of(400, Map.of(), problem(400, "validation_failed")),
                Arguments.of(401, Map.of(), problem(401, "invalid_credentials")),
                Arguments.of(403, Map.of(), problem(403, "account_disabled")),
                Arguments.of(429, Map.of("Retry-After", "873"), problem(429, "login_locked")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSignIns")
    void passesAuthServicesRefusalsOnUnchanged(int status, Map<String, String> headers, String problem) {
        Map<String, String> answered = new HashMap<>(headers);
        answered.put("Content-Type", PROBLEM);
        AUTH.answer(LOGIN, status, answered, problem);

        EntityExchangeResult<String> result = signIn(UnaryOperator.identity())
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(PROBLEM)
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).isEqualTo(problem);
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(headers.get("Retry-After"));
        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(AUTH.receivedAt(LOGIN)).hasSize(1);
    }

    @Test
    void anOversizedSignInIsRefusedWithoutAsking() {
        http.post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + "a".repeat(300_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(PROBLEM)
                .expectBody().jsonPath("$.code").isEqualTo("payload_too_large");

        assertThat(AUTH.received()).isEmpty();
    }

    @Test
    void signInFromAnotherOriginIsRefusedWithoutAsking() {
        AUTH.answer(LOGIN, 200, Map.of(), tokens("access-1", "refresh-1", 600));

        signIn(request -> request.header(HttpHeaders.ORIGIN, "https://evil.example"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(PROBLEM)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.code").isEqualTo("csrf_rejected");
        signIn(request -> request.header(HttpHeaders.ORIGIN, ownOrigin())).expectStatus().isOk();

        assertThat(AUTH.receivedAt(LOGIN)).hasSize(1);
    }

    @Test
    void refreshWithoutASessionCookieIsNoSession() {
        http.post().uri("/api/v1/session/refresh")
                .cookie("tally_csrf", "csrf-1").header("X-CSRF-Token", "csrf-1")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.code").isEqualTo("no_session")
                .jsonPath("$.detail").isEqualTo("No session: sign in.");

        assertThat(AUTH.received()).isEmpty();
    }

    static Stream<Arguments> forgeries() {
        return Stream.of("POST /api/v1/session/refresh", "DELETE /api/v1/session").flatMap(call -> Stream.of(
                Arguments.of(call, "no CSRF header", null, "csrf-1", null),
                Arguments.of(call, "a wrong CSRF header", "csrf-2", "csrf-1", null),
                Arguments.of(call, "a header of another length", "csrf-1x", "csrf-1", null),
                Arguments.of(call, "no CSRF cookie", "csrf-1", null, null),
                Arguments.of(call, "an empty token twice", "", "", null),
                Arguments.of(call, "another site's Origin", "csrf-1", "csrf-1", "https://evil.example"),
                Arguments.of(call, "another port's Origin", "csrf-1", "csrf-1", "http://localhost:1"),
                Arguments.of(call, "an opaque Origin", "csrf-1", "csrf-1", "null")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("forgeries")
    void refusesCookieAuthenticatedCallsWithoutThePagesTokenOrFromElsewhere(String call, String what, String header,
                                                                           String csrfCookie, String origin) {
        AUTH.answer(REFRESH, 200, Map.of(), tokens("access-2", "refresh-2", 600));
        String[] methodAndPath = call.split(" ");
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(methodAndPath[0])).uri(methodAndPath[1])
                .cookie("tally_session", "refresh-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(PLATFORM));
        if (header != null) {
            request = request.header("X-CSRF-Token", header);
        }
        if (csrfCookie != null) {
            request = request.cookie("tally_csrf", csrfCookie);
        }
        if (origin != null) {
            request = request.header(HttpHeaders.ORIGIN, origin);
        }

        request.exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(PROBLEM)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.code").isEqualTo("csrf_rejected");

        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    @Test
    void refreshReplacesBothCookies() {
        AUTH.answer(REFRESH, 200, Map.of(), tokens("access-2", "refresh-2", 40_000));

        EntityExchangeResult<byte[]> result = refresh("refresh-1", "csrf-1", ownOrigin())
                .expectStatus().isOk()
                .expectBody().returnResult();

        JsonNode body = read(result);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("accessToken", "tokenType", "expiresIn", "csrfToken");
        assertThat(body.get("accessToken").asText()).isEqualTo("access-2");
        String csrf = body.get("csrfToken").asText();
        assertThat(csrf).matches("[A-Za-z0-9_-]{43}").isNotEqualTo("csrf-1");
        assertThat(cookie(result, "tally_session")).isEqualTo("tally_session=refresh-2");
        assertAttributes(result, "tally_session", "Path=/api/v1/session", "Max-Age=40000", "HttpOnly", "SameSite=Strict");
        assertThat(cookie(result, "tally_csrf")).isEqualTo("tally_csrf=" + csrf);
        assertThat(new String(result.getResponseBodyContent())).doesNotContain("refresh-2");

        StubService.Received refreshed = AUTH.receivedAt(REFRESH).get(0);
        assertThat(read(refreshed.body())).isEqualTo(read("{\"refreshToken\":\"refresh-1\"}"));
        assertThat(refreshed.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(refreshed.header("X-Correlation-Id")).as("the id the gateway made and answered with")
                .matches("[0-9a-f]{32}").isEqualTo(result.getResponseHeaders().getFirst("X-Correlation-Id"));
        assertThat(refreshed.header("Cookie")).isNull();
    }

    @Test
    void aRefusedRefreshClearsBothCookies() {
        String refused = problem(401, "refresh_token_reused");
        AUTH.answer(REFRESH, 401, Map.of("Content-Type", PROBLEM), refused);

        EntityExchangeResult<String> result = refresh("refresh-1", "csrf-1", null)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(PROBLEM)
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).isEqualTo(refused);
        assertCleared(result);
    }

    @Test
    void signOutEndsTheAccountsSessionsAndClearsBothCookies() {
        AUTH.answer(LOGOUT, 204, Map.of(), "");
        String token = TestTokens.admin(PLATFORM);

        EntityExchangeResult<byte[]> result = signOut("Bearer " + token)
                .expectStatus().isNoContent()
                .expectBody().returnResult();

        assertCleared(result);
        List<StubService.Received> logouts = AUTH.receivedAt(LOGOUT);
        assertThat(logouts).hasSize(1);
        assertThat(logouts.get(0).header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(logouts.get(0).header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(AUTH.received()).hasSize(1);
    }

    @Test
    void signOutClearsTheCookiesEvenWhenTheTokenHasEnded() {
        AUTH.answer(LOGOUT, 401, Map.of("Content-Type", PROBLEM), problem(401, "session_ended"));

        assertCleared(signOut("Bearer not.a.token").expectStatus().isNoContent().expectBody().returnResult());
        assertThat(AUTH.receivedAt(LOGOUT)).singleElement()
                .satisfies(logout -> assertThat(logout.header("Authorization")).isEqualTo("Bearer not.a.token"));
    }

    @Test
    void signOutWithoutATokenOnlyClearsTheCookies() {
        assertCleared(signOut(null).expectStatus().isNoContent().expectBody().returnResult());

        assertThat(AUTH.received()).isEmpty();
    }

    @Test
    void theCurrentSessionIsWhatTheCheckedTokenSays() {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String subject = UUID.randomUUID().toString();

        http.get().uri("/api/v1/session")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(subject, "PLATFORM_ADMIN", PLATFORM, "ada@example.com",
                        issued))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo(subject)
                .jsonPath("$.role").isEqualTo("PLATFORM_ADMIN")
                .jsonPath("$.platformId").isEqualTo(PLATFORM)
                .jsonPath("$.username").isEqualTo("ada@example.com")
                .jsonPath("$.issuedAt").isEqualTo(issued.toString())
                .jsonPath("$.expiresAt").isEqualTo(issued.plusSeconds(900).toString());
        http.get().uri("/api/v1/session")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("provider-id", "PROVIDER", null,
                        "provider@tally.local", issued))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.role").isEqualTo("PROVIDER")
                .jsonPath("$.platformId").doesNotExist();

        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    @Test
    void theCurrentSessionEndsWithinTwoSecondsOfARevocation() {
        String subject = UUID.randomUUID().toString();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        String token = token(subject, "CUSTOMER", PLATFORM, "eve@example.com", issued);
        current(token).expectStatus().isOk();

        PublishedFacts.publish(new SessionsRevokedEvent(subject, PLATFORM, issued.plusSeconds(1),
                SessionRevocationReason.CUSTOMER_DISABLED));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                current(token).expectStatus().isUnauthorized()
                        .expectHeader().contentType(PROBLEM)
                        .expectBody().jsonPath("$.code").isEqualTo("session_ended"));
        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    @Test
    void theCurrentSessionNeedsAValidToken() {
        http.get().uri("/api/v1/session").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        current("not.a.token")
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        current(TestTokens.token("someone", "PLATFORM_ADMIN", PLATFORM, Instant.now().minus(Duration.ofMinutes(20))))
                .expectStatus().isUnauthorized();
    }

    @Test
    void otherMethodsAndPathsUnderTheSessionAreNotFound() {
        http.put().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM);
        http.get().uri("/api/v1/session/refresh").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM);

        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    @Test
    void aSignInAnswerWithoutTokensIsAFailureNotASession() {
        AUTH.answer(LOGIN, 200, Map.of(), "{\"service\":\"auth-service\"}");

        signIn(UnaryOperator.identity())
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(PROBLEM)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.code").isEqualTo("internal_error");
    }

    @Test
    void countsSessionsByOperationAndOutcome() {
        double signedIn = sessions("sign_in", "success");
        double signedOut = sessions("sign_out", "success");
        double forged = sessions("refresh", "csrf_rejected");
        AUTH.answer(LOGIN, 200, Map.of(), tokens("access-1", "refresh-1", 600));

        signIn(UnaryOperator.identity()).expectStatus().isOk();
        signOut(null).expectStatus().isNoContent();
        refresh("refresh-1", "csrf-1", "https://evil.example").expectStatus().isForbidden();

        assertThat(sessions("sign_in", "success")).isEqualTo(signedIn + 1);
        assertThat(sessions("sign_out", "success")).isEqualTo(signedOut + 1);
        assertThat(sessions("refresh", "csrf_rejected")).isEqualTo(forged + 1);
    }

    private double sessions(String operation, String outcome) {
        Counter counter = meters.find("tally.gateway.sessions").tag("operation", operation).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient.ResponseSpec signIn(UnaryOperator<WebTestClient.RequestBodySpec> extra) {
        return extra.apply(http.post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(SIGN_IN_BODY).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken, String csrf, String origin) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/session/refresh")
                .cookie("tally_session", refreshToken).cookie("tally_csrf", csrf).header("X-CSRF-Token", csrf);
        return (origin == null ? request : request.header(HttpHeaders.ORIGIN, origin)).exchange();
    }

    private WebTestClient.ResponseSpec signOut(String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = http.delete().uri("/api/v1/session")
                .cookie("tally_session", "refresh-1").cookie("tally_csrf", "csrf-1").header("X-CSRF-Token", "csrf-1")
                .header(HttpHeaders.ORIGIN, ownOrigin());
        return (authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization)).exchange();
    }

    private WebTestClient.ResponseSpec current(String token) {
        return http.get().uri("/api/v1/session").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private String ownOrigin() {
        return "http://localhost:" + port;
    }

    private static void assertCleared(EntityExchangeResult<?> result) {
        assertThat(setCookies(result)).hasSize(2);
        assertThat(cookie(result, "tally_session")).isEqualTo("tally_session=");
        assertAttributes(result, "tally_session", "Path=/api/v1/session", "Max-Age=0", "HttpOnly", "SameSite=Strict");
        assertThat(cookie(result, "tally_csrf")).isEqualTo("tally_csrf=");
        assertAttributes(result, "tally_csrf", "Path=/", "Max-Age=0", "SameSite=Strict");
    }

    private static List<String> setCookies(EntityExchangeResult<?> result) {
        List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        return cookies == null ? List.of() : cookies;
    }

    /** The {@code name=value} part of the named Set-Cookie. */
    private static String cookie(EntityExchangeResult<?> result, String name) {
        return parts(result, name).get(0);
    }

    /**
     * The named Set-Cookie's attributes but Expires, which only restates Max-Age as a date.
     * Attribute names are case-insensitive (RFC 6265), and Netty writes {@code HTTPOnly}.
     */
    private static void assertAttributes(EntityExchangeResult<?> result, String name, String... expected) {
        List<String> parts = parts(result, name);
        assertThat(parts.subList(1, parts.size()).stream().filter(part -> !part.startsWith("Expires=")).toList())
                .as("attributes of " + name)
                .usingElementComparator(String.CASE_INSENSITIVE_ORDER)
                .containsExactlyInAnyOrder(expected);
    }

    private static List<String> parts(EntityExchangeResult<?> result, String name) {
        List<String> named = setCookies(result).stream().filter(cookie -> cookie.startsWith(name + "=")).toList();
        assertThat(named).as("Set-Cookie " + name).hasSize(1);
        return Arrays.stream(named.get(0).split(";")).map(String::strip).toList();
    }

    private JsonNode read(EntityExchangeResult<byte[]> result) {
        return read(new String(result.getResponseBodyContent()));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String tokens(String accessToken, String refreshToken, long refreshExpiresIn) {
        return "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
                + "\"refreshToken\":\"" + refreshToken + "\",\"refreshExpiresIn\":" + refreshExpiresIn + "}";
    }

    private static String problem(int status, String code) {
        return "{\"type\":\"https://tally.io/problems/" + code.replace('_', '-') + "\",\"status\":" + status
                + ",\"detail\":\"as auth-service words it\",\"code\":\"" + code + "\"}";
    }

    /** An access token as auth-service now signs it, with the username to show. */
    private static String token(String subject, String role, String platformId, String username, Instant issuedAt) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE).subject(subject)
                    .claim("role", role).claim("sid", UUID.randomUUID().toString())
                    .claim("preferred_username", username)
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plusSeconds(900)));
            if (platformId != null) {
                claims.claim("platform", platformId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(TestTokens.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
