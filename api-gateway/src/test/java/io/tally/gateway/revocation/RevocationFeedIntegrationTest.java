package io.tally.gateway.revocation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.testsupport.KafkaBrokerExtension;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.PublishedFacts;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gateway that starts after a revocation learns it before it reports itself caught up. */
@ExtendWith(KafkaBrokerExtension.class)
class RevocationFeedIntegrationTest {

    @Test
    void readsBackTheRevocationsThatStillMatterBeforeItIsCaughtUp() throws Exception {
        String bootstrap = System.getProperty(KafkaBrokerExtension.BOOTSTRAP_PROPERTY);
        RevokedSessions revoked = new RevokedSessions(Duration.ofMinutes(15), new SimpleMeterRegistry());
        RevocationFeed feed = new RevocationFeed(bootstrap, revoked, Clock.systemUTC());
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread follower = new Thread(feed, "revocation-feed-test");
        follower.start();
        try {
            Thread.sleep(1_500);
            assertThat(feed.caughtUp()).as("not caught up while the topic does not exist").isFalse();

            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.AUTH_EVENTS, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            PublishedFacts.publish(new SessionsRevokedEvent("earlier", "p", notBefore, SessionRevocationReason.LOGOUT));
            KafkaProbe.publish(Topics.AUTH_EVENTS, "broken", EventCatalog.typeOf(SessionsRevokedEvent.class),
                    "{\"subject\": 42, \"notBefore\": \"not an instant\"}", Map.of());
            // A revocation's shape under another type: only the type makes a record a revocation.
            KafkaProbe.publish(Topics.AUTH_EVENTS, "other", "io.tally.auth.LoginLocked.v1",
                    "{\"subject\": \"other\", \"platformId\": \"p\", \"notBefore\": \"" + notBefore
                            + "\", \"reason\": \"LOGOUT\"}", Map.of());

            await().atMost(Duration.ofSeconds(15)).until(feed::caughtUp);
            await().atMost(Duration.ofSeconds(5)).until(() -> feed.unreadable() == 1);
            assertThat(revoked.refuses("earlier", notBefore.minusSeconds(1))).isTrue();
            assertThat(revoked.refuses("other", notBefore.minusSeconds(1))).isFalse();
        } finally {
            feed.stop();
            follower.join(5_000);
        }
        assertThat(follower.isAlive()).isFalse();

        RevokedSessions restarted = new RevokedSessions(Duration.ofMinutes(15), new SimpleMeterRegistry());
        RevocationFeed again = new RevocationFeed(bootstrap, restarted, Clock.systemUTC());
        Thread second = new Thread(again, "revocation-feed-restarted");
        second.start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(again::caughtUp);
            // Everything was on the topic before this feed started: caught up, it has read all of it.
            assertThat(restarted.refuses("earlier", Instant.now().minusSeconds(60))).isTrue();
            assertThat(restarted.refuses("other", notBefore.minusSeconds(1))).isFalse();
            assertThat(restarted.size()).isEqualTo(1);
            assertThat(again.unreadable()).isEqualTo(1);
        } finally {
            again.stop();
            second.join(5_000);
        }
    }
}
