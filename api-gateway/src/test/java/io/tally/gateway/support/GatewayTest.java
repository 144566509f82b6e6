package io.tally.gateway.support;

import io.tally.contracts.Topics;
import io.tally.testsupport.KafkaBrokerExtension;
import io.tally.tokens.RevocationFeed;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as it runs, on a real port, in front of three stub services, with a real Kafka
 * broker whose {@code tally.auth.events} exists as auth-service would have created it.
 */
@ExtendWith(KafkaBrokerExtension.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OwnNettyResources.class)
public abstract class GatewayTest {

    protected static final StubService CUSTOMER = new StubService("customer-service");
    protected static final StubService LEDGER = new StubService("credit-ledger-service");
    protected static final StubService AUTH = new StubService("auth-service");

    /** The partitions of {@code tally.auth.events} here. */
    protected static final int AUTH_TOPIC_PARTITIONS = 3;

    @Autowired
    protected WebTestClient http;

    @Autowired
    private ReactorResourceFactory nettyResources;

    @Autowired
    private RevocationFeed revocationFeed;

    /** Each test class names its services in a {@code @DynamicPropertySource} of its own, most through this. */
    protected static void stubbedServices(DynamicPropertyRegistry registry) {
        registry.add("tally.services.customer", () -> CUSTOMER.uri().toString());
        registry.add("tally.services.ledger", () -> LEDGER.uri().toString());
        registry.add("tally.services.auth", () -> AUTH.uri().toString());
        registry.add("tally.services.management.customer", () -> CUSTOMER.uri().toString());
        registry.add("tally.services.management.ledger", () -> LEDGER.uri().toString());
        registry.add("tally.services.management.auth", () -> AUTH.uri().toString());
        registry.add("tally.tokens.jwks-url", () -> AUTH.uri() + "/.well-known/jwks.json");
    }

    @BeforeAll
    static void authTopic() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(KafkaBrokerExtension.BOOTSTRAP_PROPERTY)))) {
            admin.createTopics(List.of(new NewTopic(Topics.AUTH_EVENTS, AUTH_TOPIC_PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    protected static List<StubService> stubs() {
        return List.of(CUSTOMER, LEDGER, AUTH);
    }

    /**
     * The first request of a context may fetch the token keys and meet a cold JIT on a busy build
     * machine: a slow answer is not a failure; one that never comes still is.
     */
    @BeforeEach
    void ownEventLoops() {
        assertThat(nettyResources.isUseGlobalResources()).as("this context's Netty resources are its own").isFalse();
    }

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    /**
     * The gateway is ready once its revocation feed has read {@code tally.auth.events}; until then its health is
     * rightly 503, which a test that starts at once would meet.
     */
    @BeforeEach
    void revocationsRead() throws InterruptedException {
        assertThat(revocationFeed.awaitCaughtUp(Duration.ofSeconds(30))).as("the revocation feed caught up").isTrue();
    }

    /** Each test sees only what it sent. */
    @BeforeEach
    void clearStubs() {
        stubs().forEach(StubService::clear);
    }
}
