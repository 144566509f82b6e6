package io.tally.gateway.web;

import io.tally.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (here the tests' own address, 127.0.0.1), the caller is the last untrusted address of
 * X-Forwarded-For: auth-service is told that address, and the per-address limits count it. (Without the setting the
 * header is ignored: RoutingIntegrationTest.)
 */
@TestPropertySource(properties = {"tally.gateway.trusted-proxies=127.0.0.0/8",
        "tally.rate-limits.address.per-second=0.01", "tally.rate-limits.address.burst=2"})
class ForwardedClientIntegrationTest extends GatewayTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void theServicesAreToldTheCallerThatTheProxyNamed() {
        assertThat(forwardedFor("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(forwardedFor("198.51.100.1, 203.0.113.10")).isEqualTo("203.0.113.10");
        assertThat(forwardedFor("203.0.113.11, 127.0.0.5,127.0.0.1")).isEqualTo("203.0.113.11");
    }

    @Test
    void anEntryThatIsNoAddressLeavesThePeer() {
        assertThat(forwardedFor("203.0.113.12, not-an-address")).isEqualTo("127.0.0.1");
        assertThat(forwardedFor("127.0.0.2")).isEqualTo("127.0.0.1");
    }

    @Test
    void eachForwardedCallerHasASignInBucketOfItsOwn() {
        for (int attempt = 0; attempt < 2; attempt++) {
            login("192.0.2.1").expectStatus().isOk();
        }
        login("192.0.2.1").expectStatus().isEqualTo(429);
        login("192.0.2.2").expectStatus().isOk();
    }

    private String forwardedFor(String header) {
        AUTH.clear();
        login(header).expectStatus().isOk();
        return AUTH.receivedAt("/api/v1/auth/login").get(0).header(ClientAddressHeader.FORWARDED_FOR);
    }

    private WebTestClient.ResponseSpec login(String forwardedFor) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header(ClientAddressHeader.FORWARDED_FOR, forwardedFor)
                .bodyValue("{\"username\":\"someone\",\"password\":\"secret\"}").exchange();
    }
}
