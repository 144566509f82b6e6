package io.tally.auth.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/** A rotated key keeps verifying its tokens until they expired, then leaves the JWKS. */
@ServiceIntegrationTest
class SigningKeyRotationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    SigningKeys signingKeys;

    private String providerToken(Api api) {
        return api.post("/api/v1/auth/login", null, "{\"username\":\"" + PROVIDER_USERNAME + "\",\"password\":\""
                + PROVIDER_PASSWORD + "\"}").json().get("accessToken").asText();
    }

    private static List<String> kids(Api api) {
        List<String> kids = new ArrayList<>();
        for (JsonNode key : api.get("/.well-known/jwks.json", null).json().get("keys")) {
            kids.add(key.get("kid").asText());
        }
        return kids;
    }

    @Test
    void theProviderRotatesTheKeyAndTheOldTokensStayValidUntilTheyExpire() {
        Api api = new Api(port);
        String before = providerToken(api);
        String oldKid = kids(api).get(0);

        Response rotated = api.post("/api/v1/signing-keys/rotation", before, null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        String newKid = rotated.json().get("kid").asText();
        assertThat(kids(api)).containsExactlyInAnyOrder(oldKid, newKid);

        String after = providerToken(api);
        NimbusJwtDecoder jwks = NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build();
        assertThat(jwks.decode(before).getHeaders()).containsEntry("kid", oldKid);
        assertThat(jwks.decode(after).getHeaders()).containsEntry("kid", newKid);
        assertThat(api.post("/api/v1/platforms", before, "{\"name\":\"Old key " + UUID.randomUUID() + "\"}")
                .status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(17).plusSeconds(1));
        assertThat(kids(api)).containsExactly(newKid);
        assertThat(api.post("/api/v1/platforms", providerToken(api), "{\"name\":\"New key " + UUID.randomUUID()
                + "\"}").status()).isEqualTo(201);
    }

    @Test
    void aKeyOlderThanTheRotationPeriodIsReplacedByItself() {
        String signing = signingKeys.current().getKeyID();
        signingKeys.refresh();
        assertThat(signingKeys.current().getKeyID()).isEqualTo(signing);
        clock.advance(Duration.ofDays(90).plusMinutes(1));
        signingKeys.refresh();
        assertThat(signingKeys.current().getKeyID()).isNotEqualTo(signing);
    }

    @Test
    void onlyTheProviderRotates() {
        Api api = new Api(port);
        assertThat(api.post("/api/v1/signing-keys/rotation", null, null).status()).isEqualTo(401);
        String provider = providerToken(api);
        String platformId = api.post("/api/v1/platforms", provider, "{\"name\":\"R " + UUID.randomUUID() + "\"}")
                .json().get("id").asText();
        Response admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                "{\"email\":\"rot-" + UUID.randomUUID() + "@example.com\"}");
        String adminToken = api.post("/api/v1/auth/login", null, "{\"username\":\""
                + admin.json().get("email").asText() + "\",\"password\":\"" + admin.json().get("password").asText()
                + "\"}").json().get("accessToken").asText();
        assertThat(api.post("/api/v1/signing-keys/rotation", adminToken, null).status()).isEqualTo(403);
    }
}
