package io.tally.auth.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.auth.keys.SigningKeys;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.Topics;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The provider's and the platform admins' way through the running service, and what reaches Kafka. */
@ServiceIntegrationTest
class AuthApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProviderBootstrap providerBootstrap;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    private String login(String username, String password) {
        Response response = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(response.json().get("expiresIn").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        return response.json().get("accessToken").asText();
    }

    private Jwt verifiedAgainstJwks(String token) {
        return NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build().decode(token);
    }

    private String createPlatform(String provider, String name) {
        Response created = api.post("/api/v1/platforms", provider, "{\"name\":\"" + name + "\",\"currency\":\"EUR\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void theProviderCreatesAPlatformAndItsAdminWhoSignsInWithTheGeneratedPassword() {
        String provider = login(PROVIDER_USERNAME.toUpperCase(), PROVIDER_PASSWORD);
        Jwt providerToken = verifiedAgainstJwks(provider);
        assertThat(providerToken.getClaimAsString("role")).isEqualTo("PROVIDER");
        assertThat(providerToken.hasClaim("platform")).isFalse();
        assertThat(providerToken.getClaimAsString("iss")).isEqualTo("tally-auth");
        assertThat(providerToken.getClaimAsString("sid")).isNotBlank();
        assertThat(providerToken.getClaimAsString("preferred_username")).isEqualTo(PROVIDER_USERNAME);
        assertThat(Duration.between(providerToken.getIssuedAt(), providerToken.getExpiresAt()))
                .isEqualTo(Duration.ofMinutes(15));

        String platformId = createPlatform(provider, "Acme Cloud");
        List<Record> records = KafkaProbe.readUntil(Topics.AUTH_EVENTS,
                all -> all.stream().anyMatch(r -> platformId.equals(r.key())));
        Record platformCreated = records.stream().filter(r -> platformId.equals(r.key())).findFirst().orElseThrow();
        assertThat(platformCreated.type()).isEqualTo("io.tally.auth.PlatformCreated.v1");
        assertThat(platformCreated.data()).contains("\"name\":\"Acme Cloud\"", "\"currency\":\"EUR\"");

        Response admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                "{\"email\":\"Ada@Example.com\"}");
        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        String adminId = admin.json().get("id").asText();
        String password = admin.json().get("password").asText();
        assertThat(password).hasSize(20);
        assertThat(admin.json().get("email").asText()).isEqualTo("Ada@Example.com");

        Jwt adminToken = verifiedAgainstJwks(login("ada@example.com", password));
        assertThat(adminToken.getSubject()).isEqualTo(adminId);
        assertThat(adminToken.getClaimAsString("role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(adminToken.getClaimAsString("platform")).isEqualTo(platformId);
        assertThat(adminToken.getClaimAsString("preferred_username")).isEqualTo("ada@example.com");

        assertProblem(api.post("/api/v1/platforms", adminToken.getTokenValue(), "{\"name\":\"Mine\"}"),
                403, "forbidden", null);

        List<Record> published = KafkaProbe.readUntil(Topics.AUTH_EVENTS,
                all -> all.stream().anyMatch(r -> "io.tally.auth.PlatformAdminCreated.v1".equals(r.type())));
        Record adminCreated = published.stream()
                .filter(r -> "io.tally.auth.PlatformAdminCreated.v1".equals(r.type())).findFirst().orElseThrow();
        assertThat(adminCreated.key()).isEqualTo(platformId);
        assertThat(adminCreated.data()).contains(adminId);
        assertThat(published).allSatisfy(record -> assertThat(record.everything())
                .doesNotContain(password, PROVIDER_PASSWORD, "$2a$", "{bcrypt}"));
    }

    @Test
    void platformNamesAreUniqueIgnoringCaseAndCurrenciesAreIsoCodes() {
        String provider = login(PROVIDER_USERNAME, PROVIDER_PASSWORD);
        createPlatform(provider, "Globex");
        assertProblem(api.post("/api/v1/platforms", provider, "{\"name\":\"  gLOBEX \"}"),
                409, "platform_name_taken", "name");
        assertProblem(api.post("/api/v1/platforms", provider, "{\"name\":\"Initech\",\"currency\":\"EURO\"}"),
                400, "currency_unknown", "currency");
        Response defaulted = api.post("/api/v1/platforms", provider, "{\"name\":\"Initech\"}");
        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(201);
    }

    @Test
    void anAdminOfAnUnknownPlatformIsNotFound() {
        String provider = login(PROVIDER_USERNAME, PROVIDER_PASSWORD);
        assertProblem(api.post("/api/v1/platforms/9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b/admins", provider,
                "{\"email\":\"nobody@example.com\"}"), 404, "platform_not_found", null);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Response wrongPassword = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + PROVIDER_USERNAME + "\",\"password\":\"not the password\"}");
        Response unknownUser = api.post("/api/v1/auth/login", null,
                "{\"username\":\"nobody@tally.test\",\"password\":\"" + PROVIDER_PASSWORD + "\"}");
        assertProblem(wrongPassword, 401, "invalid_credentials", null);
        assertProblem(unknownUser, 401, "invalid_credentials", null);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
    }

    @Test
    void aUsernameWithAControlCharacterIsRefusedNamingIt() {
        for (String username : new String[]{"ada\\u0000@example.com", "ada@example.com\\n", "\\u007F"}) {
            Response response = api.post("/api/v1/auth/login", null,
                    "{\"username\":\"" + username + "\",\"password\":\"whatever\"}");
            assertProblem(response, 400, "control_character", "username");
        }
    }

    @Test
    void platformAdministrationNeedsAToken() {
        assertProblem(api.post("/api/v1/platforms", null, "{\"name\":\"Anon\"}"), 401, "unauthenticated", null);
    }

    @Test
    void theSigningKeyIsStoredOnceAndServedWithItsKid() {
        JsonNode keys = api.get("/.well-known/jwks.json", null).json().get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).has("d")).isFalse();
        String kid = jdbc.queryForObject("SELECT kid FROM signing_keys", String.class);
        assertThat(keys.get(0).get("kid").asText()).isEqualTo(kid);
    }

    @Test
    void theLoginReadModelIsWrittenInTheCreatingTransaction() {
        assertThat(processing.eventProcessor("account-credentials", SubscribingEventProcessor.class)).isPresent();
    }

    @Test
    void aLaterStartReusesTheStoredKey() {
        SigningKeys afterRestart = new SigningKeys(jdbc, transactions, Clock.systemUTC(), Duration.ofMinutes(15),
                Duration.ofDays(90));
        assertThat(afterRestart.current().getKeyID()).isEqualTo(signingKeys.current().getKeyID());
        assertThat(afterRestart.current()).isEqualTo(signingKeys.current());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_keys", Integer.class)).isEqualTo(1);
    }

    @Test
    void theProviderIsBootstrappedOnceWhateverTheRestarts() {
        providerBootstrap.run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_credentials WHERE role = 'PROVIDER'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_usernames", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM account_credentials", Integer.class));
    }
}
