package io.tally.auth.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * The RSA key that signs access tokens. Generated on the first start and kept in the auth
 * database (private key as PKCS#8, public key as X.509), never in git or a file, so that every
 * later start, and every instance, signs with the same key. An advisory lock makes sure that
 * instances starting together agree on one key.
 */
@Component
public class SigningKeys {

    private static final int KEY_SIZE = 2048;
    /** Any fixed number: it only has to be the same in every instance. */
    private static final long GENERATION_LOCK = 0x7a11_5167L;

    private final RSAKey current;

    public SigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.current = transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, GENERATION_LOCK);
            return jdbc.query("""
                            SELECT kid, private_key, public_key FROM signing_keys
                            ORDER BY created_at DESC LIMIT 1""",
                    (row, index) -> rsaKey(row.getString("kid"), row.getBytes("private_key"),
                            row.getBytes("public_key")))
                    .stream().findFirst()
                    .orElseGet(() -> generate(jdbc, clock));
        });
    }

    /** The key with its private part, for signing only. */
    public RSAKey current() {
        return current;
    }

    private static RSAKey generate(JdbcTemplate jdbc, Clock clock) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
        String kid = UUID.randomUUID().toString();
        byte[] privateKey = pair.getPrivate().getEncoded();
        byte[] publicKey = pair.getPublic().getEncoded();
        jdbc.update("INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)",
                kid, privateKey, publicKey, Timestamp.from(clock.instant()));
        return rsaKey(kid, privateKey, publicKey);
    }

    private static RSAKey rsaKey(String kid, byte[] pkcs8PrivateKey, byte[] x509PublicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(x509PublicKey));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key " + kid + " is not a readable RSA key", e);
        }
    }
}
