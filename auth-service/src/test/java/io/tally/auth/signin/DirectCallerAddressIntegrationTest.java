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
 * With no trusted proxy configured (the default), a caller that reaches auth-service directly is known by its own
 * address whatever {@code X-Forwarded-For} it sends: it cannot pick the address its failed sign-ins count against,
 * nor escape the address limit by changing the header.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "tally.login-throttle.address-max-failures=3")
class DirectCallerAddressIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDirectCallersForwardedForIsIgnored() {
        assertThat(failedSignIn(port, "203.0.113.7").status()).isEqualTo(401);
        assertThat(failedSignIn(port, "198.51.100.1, 203.0.113.8").status()).isEqualTo(401);
        assertThat(failedSignIn(port, null).status()).isEqualTo(401);

        assertThat(countedAddresses(jdbc)).containsExactly("127.0.0.1");
        assertThat(failures(jdbc, "127.0.0.1")).isEqualTo(3);
        assertThat(failedSignIn(port, "203.0.113.99").status())
                .as("a new address in the header is no way round the limit").isEqualTo(429);
    }
}
