package io.tally.customer.support;

import io.tally.testsupport.TestTokens;
import io.tally.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

/** An integration test that calls the running service over HTTP as an admin of a fresh platform. */
@ServiceIntegrationTest
public abstract class ServiceApiTest {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected final String platform = UUID.randomUUID().toString();
    protected final String admin = TestTokens.admin(platform);

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
