package io.tally.auth.config;

import io.tally.auth.account.AccountCreatedEvent;
import io.tally.auth.account.AccountEnabledChangedEvent;
import io.tally.auth.account.EndSessionsCommand;
import io.tally.auth.account.PasswordChangedEvent;
import io.tally.auth.account.PasswordResetGeneratedEvent;
import io.tally.auth.registration.RegistrationCompletedEvent;
import io.tally.auth.registration.RegistrationReceivedEvent;
import io.tally.auth.registration.RegistrationRefusedEvent;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams written before the private events moved: rows stored under the former class names read back, and an
 * account whose whole history is stored so loads and takes a command.
 */
@ServiceIntegrationTest
class StoredEventsIntegrationTest {

    private static final String STORED_AT = "2025-03-01T10:00:00Z";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commandGateway;

    private void store(String aggregateType, String aggregateId, long sequence, String formerName, String json) {
        jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""",
                aggregateId, sequence, aggregateType, UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), formerName, STORED_AT);
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    @Test
    void anAccountStoredUnderTheFormerNamesLoadsAndTakesACommand() {
        String accountId = UUID.randomUUID().toString();
        String platformId = UUID.randomUUID().toString();
        store("Account", accountId, 0, "io.tally.auth.command.AccountCreatedEvent", "{\"accountId\":\"" + accountId
                + "\",\"role\":\"CUSTOMER\",\"platformId\":\"" + platformId
                + "\",\"username\":\"stored@example.com\",\"passwordHash\":\"{argon2}stored\"}");
        store("Account", accountId, 1, "io.tally.auth.command.AccountEvents$PasswordResetGeneratedEvent",
                "{\"accountId\":\"" + accountId + "\",\"resetId\":\"11111111-2222-4333-8444-555555555555\","
                        + "\"passwordHash\":\"{argon2}reset\",\"expiresAt\":\"2025-03-01T10:10:00Z\"}");
        store("Account", accountId, 2, "io.tally.auth.command.AccountEvents$PasswordChangedEvent",
                "{\"accountId\":\"" + accountId + "\",\"passwordHash\":\"{argon2}mine\"}");
        store("Account", accountId, 3, "io.tally.auth.command.AccountEvents$AccountEnabledChangedEvent",
                "{\"accountId\":\"" + accountId + "\",\"enabled\":false}");

        commandGateway.sendAndWait(new EndSessionsCommand(accountId, SessionRevocationReason.LOGOUT));

        List<Object> history = payloads(accountId);
        assertThat(history).hasSize(5);
        assertThat(history.get(0)).isInstanceOfSatisfying(AccountCreatedEvent.class, created -> {
            assertThat(created.platformId()).isEqualTo(platformId);
            assertThat(created.username()).isEqualTo("stored@example.com");
        });
        assertThat(history.get(1)).isEqualTo(new PasswordResetGeneratedEvent(accountId,
                "11111111-2222-4333-8444-555555555555", "{argon2}reset", Instant.parse("2025-03-01T10:10:00Z")));
        assertThat(history.get(2)).isEqualTo(new PasswordChangedEvent(accountId, "{argon2}mine"));
        assertThat(history.get(3)).isEqualTo(new AccountEnabledChangedEvent(accountId, false));
        // The platform of the new event is the one the stored creation named: the aggregate read it.
        assertThat(history.get(4)).isInstanceOfSatisfying(SessionsRevokedEvent.class, revoked -> {
            assertThat(revoked.subject()).isEqualTo(accountId);
            assertThat(revoked.platformId()).isEqualTo(platformId);
            assertThat(revoked.reason()).isEqualTo(SessionRevocationReason.LOGOUT);
        });
    }

    @Test
    void aRegistrationStoredUnderTheFormerNamesReadsBack() {
        String registrationId = UUID.randomUUID().toString();
        String invitationId = UUID.randomUUID().toString();
        String platformId = UUID.randomUUID().toString();
        String customerId = UUID.randomUUID().toString();
        store("Registration", registrationId, 0, "io.tally.auth.command.Registration$RegistrationReceivedEvent",
                "{\"registrationId\":\"" + registrationId + "\",\"invitationId\":\"" + invitationId
                        + "\",\"platformId\":\"" + platformId + "\",\"submittedAt\":\"2025-03-01T10:00:00Z\"}");
        store("Registration", registrationId, 1, "io.tally.auth.command.Registration$RegistrationCompletedEvent",
                "{\"registrationId\":\"" + registrationId + "\",\"customerId\":\"" + customerId
                        + "\",\"decidedAt\":\"2025-03-01T10:00:02Z\"}");
        store("Registration", registrationId, 2, "io.tally.auth.command.Registration$RegistrationRefusedEvent",
                "{\"registrationId\":\"" + registrationId + "\",\"reason\":\"EMAIL_TAKEN\","
                        + "\"decidedAt\":\"2025-03-01T10:00:03Z\"}");

        assertThat(payloads(registrationId)).containsExactly(
                new RegistrationReceivedEvent(registrationId, invitationId, platformId,
                        Instant.parse("2025-03-01T10:00:00Z")),
                new RegistrationCompletedEvent(registrationId, customerId, Instant.parse("2025-03-01T10:00:02Z")),
                new RegistrationRefusedEvent(registrationId, RegistrationRejectionReason.EMAIL_TAKEN,
                        Instant.parse("2025-03-01T10:00:03Z")));
    }
}
