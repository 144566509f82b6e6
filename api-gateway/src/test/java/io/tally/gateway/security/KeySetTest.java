package io.tally.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.tally.testsupport.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key set is fetched again for an unknown key at most once per cool-down, and a stale set still serves. */
class KeySetTest {

    private static final RSAKey CURRENT = key("current");

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final MovableClock clock = new MovableClock();
    private final HttpServer auth = server();
    private final KeySet keys = new KeySet(WebClient.create(),
            "http://127.0.0.1:" + auth.getAddress().getPort() + "/.well-known/jwks.json", clock);

    @AfterEach
    void stop() {
        auth.stop(0);
    }

    @Test
    void aKnownKeyCostsNoFetchAfterTheFirst() {
        for (int i = 0; i < 5; i++) {
            assertThat(keysFor("current")).extracting(JWK::getKeyID).containsExactly("current");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void madeUpKeyIdsCostOneFetchPerCoolDown() {
        keysFor("current");
        for (int i = 0; i < 20; i++) {
            assertThat(keysFor("made-up-" + i)).as("unverifiable, refused").isEmpty();
        }
        assertThat(fetches).as("within the cool-down, none").hasValue(1);

        clock.advance(KeySet.COOL_DOWN.plusSeconds(1));
        for (int i = 0; i < 20; i++) {
            keysFor("made-up-again-" + i);
        }
        assertThat(fetches).as("after it, one").hasValue(2);
    }

    @Test
    void aStaleSetIsFetchedAgainAndServesWhileAuthServiceIsDown() {
        keysFor("current");
        clock.advance(KeySet.MAX_AGE.plusSeconds(1));
        keysFor("current");
        assertThat(fetches).hasValue(2);

        down.set(true);
        clock.advance(KeySet.MAX_AGE.plusSeconds(1));
        assertThat(keysFor("current")).as("the keys it holds still vouch").hasSize(1);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void noSetAndNoAnswerIsAnErrorNotARefusal() {
        down.set(true);
        assertThatThrownBy(() -> keysFor("current")).isInstanceOf(JwtException.class)
                .hasMessageContaining("cannot be fetched");
    }

    private List<JWK> keysFor(String keyId) {
        return keys.apply(token(keyId)).collectList().block(Duration.ofSeconds(10));
    }

    private static SignedJWT token(String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                    new JWTClaimsSet.Builder().subject("someone").build());
            jwt.sign(new RSASSASigner(CURRENT));
            return jwt;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                fetches.incrementAndGet();
                byte[] body = new JWKSet(CURRENT.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(down.get() ? 503 : 200, down.get() ? -1 : body.length);
                if (!down.get()) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
