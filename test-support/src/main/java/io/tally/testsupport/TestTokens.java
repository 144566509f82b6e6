package io.tally.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Tokens signed by a key made for this test run, as auth-service would sign them. */
public final class TestTokens {

    /** The issuer auth-service names in its tokens. */
    public static final String ISSUER = "tally-auth";
    /** The audience auth-service issues its tokens for. */
    public static final String AUDIENCE = "tally-api";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** For a test that must sign a token of unusual shape itself. */
    public static java.security.PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    public static String admin(String platformId) {
        return token("admin-" + platformId.substring(0, 8) + "@example.com", "PLATFORM_ADMIN", platformId);
    }

    public static String customer(String customerId, String platformId) {
        return token(customerId, "CUSTOMER", platformId);
    }

    public static String provider() {
        return token("provider@example.com", "PROVIDER", null);
    }

    public static String token(String subject, String role, String platformId) {
        return token(subject, role, platformId, Instant.now());
    }

    /** A token issued at the given instant (whole seconds, as in a JWT), valid for 15 minutes from then. */
    public static String token(String subject, String role, String platformId, Instant issuedAt) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(subject)
                    .claim("role", role)
                    .claim("sid", UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plusSeconds(900)));
            if (platformId != null) {
                claims.claim("platform", platformId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
