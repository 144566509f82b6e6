package io.tally.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenIssuerTest {

    private final DevTokenIssuer issuer = DevTokenIssuer.withNewKey();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void thePlatformAdminTokenVerifiesAgainstTheServedKeys() throws Exception {
        try (JwksServer server = JwksServer.start(0, issuer.publicJwks())) {
            JWKSet keys = fetch(server.uri());
            SignedJWT token = SignedJWT.parse(issuer.platformAdminToken(now));

            assertThat(verifies(token, keys)).isTrue();
            assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            JWTClaimsSet claims = token.getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo("dev-admin@local");
            assertThat(claims.getStringClaim("role")).isEqualTo("PLATFORM_ADMIN");
            assertThat(claims.getStringClaim("platform")).isEqualTo("00000000-0000-0000-0000-000000000001");
            assertThat(claims.getIssuer()).isEqualTo("tally-local-stack");
            assertThat(claims.getAudience()).containsExactly("tally-api");
            assertThat(claims.getIssueTime()).isEqualTo(Date.from(now));
            assertThat(claims.getExpirationTime()).isEqualTo(Date.from(now.plus(12, ChronoUnit.HOURS)));
        }
    }

    @Test
    void theProviderTokenHasNoPlatform() throws Exception {
        try (JwksServer server = JwksServer.start(0, issuer.publicJwks())) {
            SignedJWT token = SignedJWT.parse(issuer.providerToken(now));

            assertThat(verifies(token, fetch(server.uri()))).isTrue();
            assertThat(token.getJWTClaimsSet().getStringClaim("role")).isEqualTo("PROVIDER");
            assertThat(token.getJWTClaimsSet().getClaim("platform")).isNull();
        }
    }

    @Test
    void servesOnlyThePublicHalfOfTheKey() throws Exception {
        try (JwksServer server = JwksServer.start(0, issuer.publicJwks())) {
            JWKSet keys = fetch(server.uri());

            assertThat(keys.getKeys()).singleElement().satisfies(key -> {
                assertThat(key.isPrivate()).isFalse();
                assertThat(key.getKeyID()).isNotBlank();
            });
        }
    }

    @Test
    void aTokenFromAnotherLauncherDoesNotVerify() throws Exception {
        try (JwksServer server = JwksServer.start(0, issuer.publicJwks())) {
            SignedJWT foreign = SignedJWT.parse(DevTokenIssuer.withNewKey().platformAdminToken(now));

            assertThat(verifies(foreign, fetch(server.uri()))).isFalse();
        }
    }

    @Test
    void answersOnlyGetOnTheWellKnownPath() throws Exception {
        try (JwksServer server = JwksServer.start(0, issuer.publicJwks())) {
            URI elsewhere = server.uri().resolve("/.well-known/jwks.json/other");
            HttpRequest post = HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.noBody()).build();

            assertThat(http.send(HttpRequest.newBuilder(elsewhere).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(404);
            assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        }
    }

    private JWKSet fetch(URI uri) throws IOException, InterruptedException, ParseException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JWKSet.parse(response.body());
    }

    private static boolean verifies(SignedJWT token, JWKSet keys) throws JOSEException {
        JWK key = keys.getKeyByKeyId(token.getHeader().getKeyID());
        if (key == null) {
            key = keys.getKeys().get(0);
        }
        return token.verify(new RSASSAVerifier(key.toRSAKey()));
    }
}
