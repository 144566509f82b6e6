package io.tally.service.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.service.kafka.PublicationConfiguration.KafkaTopics;
import io.tally.tokens.AccessTokenRules;
import io.tally.tokens.KafkaClientSecurity;
import io.tally.tokens.RevocationFeed;
import io.tally.tokens.RevocationValidator;
import io.tally.tokens.RevokedSessions;
import io.tally.tokens.TokenMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * The tokens a service accepts when it learns ended sessions from Kafka, as the gateway does (customer-service and
 * credit-ledger-service; auth-service reads its own store): whatever decodes the bearer tokens (the JWKS of
 * auth-service, or a test's key) is made to check {@link AccessTokenRules}, optionally to remember the tokens it
 * accepted ({@code tally.tokens.remembered-tokens}, 0 for none), and then, on every use, to refuse a token issued
 * before its subject's sessions ended ({@link RevocationFeed} following {@code SessionsRevoked} on
 * {@code tally.auth.events}). A service imports this class on its security configuration; it is deliberately not a
 * {@code @Configuration}, so that the services' scans of {@code io.tally} do not pick it up for auth-service.
 *
 * <p>Start-up: a service must never accept a token before it knows the revocations up to the end of the topic. The
 * feed starts before the web server opens its port, and start-up waits up to {@code tally.tokens.revocations.start-wait}
 * for it to catch up, so a service that starts normally is never heard answering before it knows them. It does not
 * wait for ever: with Kafka out of reach the service still starts (health and the anonymous routes answer, and the
 * {@code revocations} health says why it is not ready), and until the feed has caught up every token is refused with
 * 503 and {@code Retry-After}, which a client retries, rather than accepted; the same after a failure of the feed,
 * while it reads back. Holding start-up until Kafka answers would instead leave the operator a service that says
 * nothing about why.
 */
public class FollowedRevocations {

    private static final Logger log = LoggerFactory.getLogger(FollowedRevocations.class);
    /** Ahead of the web server, which Spring Boot starts 1024 phases before its graceful shutdown. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    /** The meters' prefix: {@code tally.revocations.*} and {@code tally.tokens.refused}, tagged with the service. */
    private static final String METERS = "tally";

    @Bean
    RevokedSessions revokedSessions(@Value("${tally.tokens.access-token-lifetime}") Duration accessTokenLifetime) {
        return new RevokedSessions(accessTokenLifetime, Clock.systemUTC());
    }

    /** The topics exist before the feed reads: every service creates them at start-up ({@link KafkaTopics}). */
    @Bean
    RevocationFeed revocationFeed(@Value("${tally.kafka.bootstrap-servers}") String bootstrapServers,
                                  @Value("${spring.application.name}") String serviceName,
                                  KafkaClientSecurity security, RevokedSessions revokedSessions,
                                  KafkaTopics topics, MeterRegistry meters) {
        return new RevocationFeed(bootstrapServers, security, serviceName + "-revocations", revokedSessions,
                Clock.systemUTC(), new TokenMeters(meters, METERS));
    }

    @Bean
    RevocationValidator revocationValidator(RevokedSessions revokedSessions, RevocationFeed feed,
                                            MeterRegistry meters) {
        return new RevocationValidator(revokedSessions, feed::caughtUp, new TokenMeters(meters, METERS));
    }

    @Bean
    SmartLifecycle revocationFeedLifecycle(RevocationFeed feed,
                                           @Value("${tally.tokens.revocations.start-wait}") Duration startWait) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                feed.start();
                try {
                    if (!feed.awaitCaughtUp(startWait)) {
                        log.warn("Revocations not read within {}: tokens are refused (503) until they are", startWait);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void stop() {
                feed.stop();
            }

            @Override
            public boolean isRunning() {
                return feed.isRunning();
            }

            @Override
            public int getPhase() {
                return PHASE;
            }
        };
    }

    /** Part of readiness: until every revocation still relevant is known, tokens are refused. */
    @Bean
    HealthIndicator revocations(RevocationFeed feed, RevokedSessions revokedSessions) {
        return () -> (feed.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("revokedSubjects", revokedSessions.size())
                .build();
    }

    /** Wraps the service's token decoder, whichever it is (auth-service's JWKS, or a test's key). */
    @Bean
    static BeanPostProcessor checkedTokens(Environment environment, ObjectProvider<RevocationValidator> revocations) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JwtDecoder) || bean instanceof RevocationCheckingJwtDecoder) {
                    return bean;
                }
                if (!(bean instanceof NimbusJwtDecoder decoder)) {
                    throw new IllegalStateException("The token decoder " + beanName + " is a "
                            + bean.getClass().getName() + ": only a NimbusJwtDecoder can be made to check Tally's rules");
                }
                AccessTokenRules.apply(decoder, environment.getRequiredProperty("tally.tokens.issuer"),
                        environment.getRequiredProperty("tally.tokens.audience"));
                int remembered = environment.getProperty("tally.tokens.remembered-tokens", Integer.class, 0);
                JwtDecoder accepted = remembered > 0
                        ? new CachingJwtDecoder(decoder, remembered, Clock.systemUTC()) : decoder;
                return new RevocationCheckingJwtDecoder(accepted, revocations.getObject());
            }
        };
    }
}
