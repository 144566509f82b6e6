package io.tally.auth.signin;

import io.tally.auth.support.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static io.tally.auth.signin.ForwardedSignIns.countedAddresses;
import static io.tally.auth.signin.ForwardedSignIns.failedSignIn;
import static io.tally.auth.signin.ForwardedSignIns.failures;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (here this test, on 127.0.0.1, stands where the gateway would), {@code X-Forwarded-For}
 * names the caller: failed sign-ins count against the address the proxy saw, and one caller reaching the limit does
 * not lock out another behind the same proxy.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "tally.web.trusted-proxies=127.0.0.1",
        "tally.login-throttle.address-max-failures=3"
})
class TrustedProxyAddressIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTrustedProxysForwardedForNamesTheCaller() {
        assertThat(failedSignIn(port, "203.0.113.7").status()).isEqualTo(401);
        // The proxy appends the address it saw; what the caller put before it counts for nothing.
        assertThat(failedSignIn(port, "198.51.100.1, 203.0.113.8").status()).isEqualTo(401);
        assertThat(failedSignIn(port, null).status()).as("the proxy's own request").isEqualTo(401);

        assertThat(countedAddresses(jdbc)).contains("127.0.0.1", "203.0.113.7", "203.0.113.8")
                .doesNotContain("198.51.100.1");
        assertThat(failures(jdbc, "203.0.113.7")).isEqualTo(1);
    }

    @Test
    void oneCallerAtTheLimitLocksOutNoOtherBehindTheSameProxy() {
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(failedSignIn(port, "192.0.2.50").status()).isEqualTo(401);
        }
        assertThat(failedSignIn(port, "192.0.2.50").status()).isEqualTo(429);
        assertThat(failedSignIn(port, "192.0.2.51").status()).isEqualTo(401);
    }
}
