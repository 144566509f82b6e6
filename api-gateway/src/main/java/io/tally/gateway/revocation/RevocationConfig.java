package io.tally.gateway.revocation;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.tokens.KafkaClientSecurity;
import io.tally.tokens.RevocationFeed;
import io.tally.tokens.RevocationValidator;
import io.tally.tokens.RevokedSessions;
import io.tally.tokens.TokenMeters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs the {@link RevocationFeed} and tells readiness whether it caught up; the token check refuses what it learned
 * ({@link RevocationValidator}). The gateway's meters keep their names: {@code tally.gateway.revocations.*} and
 * {@code tally.gateway.tokens.refused}.
 */
@Configuration(proxyBeanMethods = false)
class RevocationConfig {

    private static final String METERS = "tally.gateway";

    @Bean
    public RevokedSessions revokedSessions(@Value("${tally.tokens.access-token-lifetime}") Duration tokenLifetime) {
        return new RevokedSessions(tokenLifetime, Clock.systemUTC());
    }

    @Bean
    public RevocationFeed revocationFeed(@Value("${tally.kafka.bootstrap-servers}") String bootstrapServers,
                                         Environment environment, RevokedSessions revokedSessions,
                                         MeterRegistry meters) {
        return new RevocationFeed(bootstrapServers, KafkaClientSecurity.from(environment), "api-gateway-revocations",
                revokedSessions, Clock.systemUTC(), new TokenMeters(meters, METERS));
    }

    /**
     * Refuses a token issued before its subject's sessions ended. Until the feed has caught up the gateway is not
     * ready ({@link #revocations}), and readiness, not a refusal of every token, keeps the traffic away meanwhile.
     */
    @Bean
    public RevocationValidator revocationValidator(RevokedSessions revokedSessions, MeterRegistry meters) {
        return new RevocationValidator(revokedSessions, () -> true, new TokenMeters(meters, METERS));
    }

    @Bean
    public SmartLifecycle revocationFeedLifecycle(RevocationFeed feed) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                feed.start();
            }

            @Override
            public void stop() {
                feed.stop();
            }

            @Override
            public boolean isRunning() {
                return feed.isRunning();
            }
        };
    }

    /** Part of readiness: until every revocation still relevant is known, revoked tokens could pass. */
    @Bean
    public HealthIndicator revocations(RevocationFeed feed, RevokedSessions revokedSessions) {
        return () -> (feed.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("revokedSubjects", revokedSessions.size())
                .build();
    }
}
