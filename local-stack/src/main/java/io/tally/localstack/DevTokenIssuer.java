package io.tally.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Stands in for auth-service until it exists: signs development tokens with a key pair made at
 * each start and held only in memory, so that a token never outlives the stack that issued it.
 * They name this launcher as their issuer (the services are told to expect it) and the API's
 * audience, as auth-service's tokens do.
 */
final class DevTokenIssuer {

    static final String ISSUER = "tally-local-stack";
    /** The audience every service expects (service-support's tally-defaults.yml). */
    static final String AUDIENCE = "tally-api";
    static final Duration VALIDITY = Duration.ofHours(12);
    static final String PLATFORM_ADMIN_SUBJECT = "dev-admin@local";
    static final String PROVIDER_SUBJECT = "dev-provider@local";
    static final String DEV_PLATFORM = "00000000-0000-0000-0000-000000000001";
    private static final int KEY_SIZE = 2048;

    private final RSAKey signingKey;

    private DevTokenIssuer(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    static DevTokenIssuer withNewKey() {
        try {
            return new DevTokenIssuer(new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    String publicJwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString();
    }

    String platformAdminToken(Instant issuedAt) {
        return sign(claims(PLATFORM_ADMIN_SUBJECT, "PLATFORM_ADMIN", issuedAt).claim("platform", DEV_PLATFORM));
    }

    String providerToken(Instant issuedAt) {
        return sign(claims(PROVIDER_SUBJECT, "PROVIDER", issuedAt));
    }

    private static JWTClaimsSet.Builder claims(String subject, String role, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("role", role)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(VALIDITY)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT token = new SignedJWT(header, claims.build());
        try {
            token.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return token.serialize();
    }
}
