package io.tally.gateway.revocation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Runs the {@link RevocationFeed} on a thread of its own and tells readiness whether it caught up. */
@Configuration(proxyBeanMethods = false)
class RevocationConfig {

    @Bean
    public RevocationFeed revocationFeed(@Value("${tally.kafka.bootstrap-servers}") String bootstrapServers,
                                         RevokedSessions revokedSessions, MeterRegistry meters) {
        RevocationFeed feed = new RevocationFeed(bootstrapServers, revokedSessions, Clock.systemUTC());
        FunctionCounter.builder("tally.gateway.revocations.unreadable", feed, RevocationFeed::unreadable)
                .description("SessionsRevoked records that could not be read")
                .register(meters);
        return feed;
    }

    @Bean
    public SmartLifecycle revocationFeedLifecycle(RevocationFeed feed) {
        return new SmartLifecycle() {
            private Thread thread;

            @Override
            public void start() {
                thread = new Thread(feed, "revocation-feed");
                thread.setDaemon(true);
                thread.start();
            }

            @Override
            public void stop() {
                feed.stop();
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public boolean isRunning() {
                return thread != null && thread.isAlive();
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
