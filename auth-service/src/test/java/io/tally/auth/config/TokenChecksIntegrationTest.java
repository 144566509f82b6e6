package io.tally.auth.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tally.auth.keys.SigningKeys;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.text.ParseException;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's own routes check what every service checks: a token signed with auth-service's own key but naming
 * another issuer or another audience is refused, as is one whose sessions ended; none of them creates anything.
 */
@ServiceIntegrationTest
class TokenChecksIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys signingKeys;

    private Api api;
    private String provider;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        Response login = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + PROVIDER_USERNAME + "\",\"password\":\"" + PROVIDER_PASSWORD + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        provider = login.json().get("accessToken").asText();
    }

    @Test
    void anIssuedTokenNamesTheIssuerAndTheAudienceEveryServiceExpects() throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(provider).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("tally-auth");
        assertThat(claims.getAudience()).containsExactly("tally-api");
        assertThat(claims.getIssueTime()).isNotNull();
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAndCreatesNothing() {
        String name = "Issuer " + UUID.randomUUID();

        assertRefused(createPlatform(name, reissued(claims -> claims.issuer("https://issuer.example.com"))),
                "unauthenticated");
        assertRefused(createPlatform(name, reissued(claims -> claims.issuer(null))), "unauthenticated");
        assertThat(createPlatform(name, reissued(claims -> claims)).status())
                .as("the same token, re-signed unchanged; the name was not taken").isEqualTo(201);
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefusedAndCreatesNothing() {
        String name = "Audience " + UUID.randomUUID();

        assertRefused(createPlatform(name, reissued(claims -> claims.audience("another-api"))), "unauthenticated");
        assertRefused(createPlatform(name, reissued(claims -> claims.audience((String) null))), "unauthenticated");
        assertThat(createPlatform(name, provider).status()).isEqualTo(201);
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefused() {
        assertRefused(createPlatform("No iat " + UUID.randomUUID(), reissued(claims -> claims.issueTime(null))),
                "unauthenticated");
    }

    @Test
    void aSignedOutTokenIsRefusedAsEnded() {
        assertThat(api.post("/api/v1/auth/logout", provider, null).status()).isEqualTo(204);

        assertRefused(createPlatform("Ended " + UUID.randomUUID(), provider), "session_ended");
    }

    private Response createPlatform(String name, String token) {
        return api.post("/api/v1/platforms", token, "{\"name\":\"" + name + "\"}");
    }

    /** The provider's token with its claims changed by {@code change}, signed again with auth-service's own key. */
    private String reissued(UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(provider).getJWTClaimsSet()))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKeys.current().getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKeys.current()));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
