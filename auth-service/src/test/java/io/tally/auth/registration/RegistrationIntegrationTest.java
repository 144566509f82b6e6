package io.tally.auth.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.testsupport.PublishedFacts;
import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.service.security.Secrets;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_PASSWORD;
import static io.tally.auth.support.ServiceIntegrationTest.PROVIDER_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration side of the choreography: auth-service checks and submits, customer-service
 * (played here by facts published to the broker) decides, and the status resource follows. No customer-service runs
 * here, so a registration nobody decides on stays PENDING until the clock passes the decision deadline.
 */
@ServiceIntegrationTest
class RegistrationIntegrationTest {

    private static final String PASSWORD = "saffron-meadow-7";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    UndecidedRegistrationSweep sweep;

    private Api api;
    private final String platformId = UUID.randomUUID().toString();

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** customer-service issued an invitation; returns the link's token once auth-service knows it. */
    private String invitation(String invitationId, String email) {
        return invitation(platformId, invitationId, email);
    }

    private String invitation(String platform, String invitationId, String email) {
        String token = Secrets.newToken();
        PublishedFacts.publish(new InvitationIssuedEvent(invitationId, platform, email, Secrets.sha256(token),
                clock.instant().plus(Duration.ofDays(7))));
        awaitCount("SELECT count(*) FROM invitations_view WHERE invitation_id = '" + invitationId + "'", 1);
        return token;
    }

    private Response register(String token, String email, String password) {
        return api.post("/api/v1/public/registrations", null, "{\"invitationToken\":\"" + token + "\",\"email\":\""
                + email + "\",\"teamName\":\"Team\",\"password\":\"" + password + "\"}");
    }

    private void awaitCount(String sql, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject(sql, Integer.class) != expected) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode awaitStatus(String registrationId, String status) {
        Response response = api.await("/api/v1/public/registrations/" + registrationId, null,
                r -> r.status() == 200 && status.equals(r.json().get("status").asText()));
        assertThat(response.json().get("status").asText()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private int waitingPasswords(String registrationId) {
        return jdbc.queryForObject("SELECT count(*) FROM pending_registration_passwords WHERE registration_id = ?",
                Integer.class, UUID.fromString(registrationId));
    }

    private JsonNode status(String registrationId) {
        Response response = api.get("/api/v1/public/registrations/" + registrationId, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Response login(String username, String password, String platform) {
        return api.post("/api/v1/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"" + (platform == null ? "" : ",\"platformId\":\"" + platform + "\"") + "}");
    }

    private String accessToken(String username, String password) {
        Response response = login(username, password, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("accessToken").asText();
    }

    private int registrationsOfThePlatform() {
        return jdbc.queryForObject("SELECT count(*) FROM registrations WHERE platform_id = ?", Integer.class,
                UUID.fromString(platformId));
    }

    private static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void aCompletedRegistrationActivatesTheCredential() {
        String invitationId = UUID.randomUUID().toString();
        String token = invitation(invitationId, null);
        Response accepted = register(token, "Nora@Example.com", PASSWORD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String registrationId = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/public/registrations/" + registrationId);
        assertThat(accepted.json().get("status").asText()).isEqualTo("PENDING");

        List<Record> records = KafkaProbe.readUntil(Topics.AUTH_EVENTS,
                all -> all.stream().anyMatch(r -> r.data().contains(registrationId)));
        Record submitted = records.stream().filter(r -> r.data().contains(registrationId)).findFirst().orElseThrow();
        assertThat(submitted.type()).isEqualTo("io.tally.auth.RegistrationSubmitted.v1");
        assertThat(submitted.key()).isEqualTo(invitationId);
        assertThat(submitted.everything()).contains("Nora@Example.com", platformId).doesNotContain(PASSWORD, token,
                "argon2");

        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(customerId, platformId, "Nora@Example.com", "Team",
                registrationId, invitationId, Instant.now()));
        PublishedFacts.publish(new InvitationAcceptedEvent(invitationId, platformId, customerId, registrationId));
        JsonNode completed = awaitStatus(registrationId, "COMPLETED");
        assertThat(completed.has("customerId")).as("the anonymous answer names no customer").isFalse();
        assertThat(completed.has("reason")).isFalse();

        Response login = api.post("/api/v1/auth/login", null, "{\"username\":\"nora@example.com\",\"password\":\""
                + PASSWORD + "\",\"platformId\":\"" + platformId + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_registration_passwords WHERE registration_id = ?",
                Integer.class, UUID.fromString(registrationId))).isZero();

        awaitCount("SELECT count(*) FROM invitations_view WHERE status = 'ACCEPTED' AND invitation_id = '"
                + invitationId + "'", 1);
        assertProblem(register(token, "other@example.com", PASSWORD), 400, "invitation_used", "invitationToken");
    }

    @Test
    void aRejectedRegistrationForgetsThePassword() {
        String invitationId = UUID.randomUUID().toString();
        String token = invitation(invitationId, null);
        String registrationId = register(token, "oscar@example.com", PASSWORD).json().get("id").asText();
        assertThat(waitingPasswords(registrationId)).isEqualTo(1);

        PublishedFacts.publish(new RegistrationRejectedEvent(registrationId, invitationId, platformId,
                RegistrationRejectionReason.EMAIL_MISMATCH));
        JsonNode rejected = awaitStatus(registrationId, "REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("EMAIL_MISMATCH");
        assertThat(rejected.has("customerId")).isFalse();
        assertThat(waitingPasswords(registrationId)).isZero();
        assertThat(login("oscar@example.com", PASSWORD, platformId).status()).isEqualTo(401);
    }

    @Test
    void aTakenAddressPollsExactlyLikeARegisteredOne() {
        String freshInvitation = UUID.randomUUID().toString();
        Response fresh = register(invitation(freshInvitation, null), "fresh@example.com", PASSWORD);
        String takenInvitation = UUID.randomUUID().toString();
        Response taken = register(invitation(takenInvitation, null), "owner@example.com", PASSWORD);
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(taken.status()).isEqualTo(202);
        assertThat(fieldsOf(taken.json())).isEqualTo(fieldsOf(fresh.json()));
        String freshId = fresh.json().get("id").asText();
        String takenId = taken.json().get("id").asText();

        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(customerId, platformId, "fresh@example.com", "Team",
                freshId, freshInvitation, Instant.now()));
        PublishedFacts.publish(new InvitationAcceptedEvent(freshInvitation, platformId, customerId, freshId));
        PublishedFacts.publish(new RegistrationRejectedEvent(takenId, takenInvitation, platformId,
                RegistrationRejectionReason.EMAIL_TAKEN));

        JsonNode registered = awaitStatus(freshId, "COMPLETED");
        JsonNode refused = awaitStatus(takenId, "COMPLETED");
        assertThat(fieldsOf(refused)).isEqualTo(fieldsOf(registered))
                .containsExactly("decidedAt", "id", "status", "submittedAt");
        assertThat(refused.toString()).doesNotContainIgnoringCase("taken").doesNotContain("REJECTED");
        assertThat(jdbc.queryForObject("SELECT reason FROM registrations WHERE registration_id = ?", String.class,
                UUID.fromString(takenId))).as("what was decided is kept").isEqualTo("EMAIL_TAKEN");
        assertThat(waitingPasswords(takenId)).isZero();
        assertThat(login("owner@example.com", PASSWORD, platformId).status()).isEqualTo(401);
    }

    @Test
    void aLockedLinkIsRefusedForEveryoneExactlyAsAUsedOne() {
        String usedId = UUID.randomUUID().toString();
        String used = invitation(usedId, null);
        String usedRegistration = register(used, "first@example.com", PASSWORD).json().get("id").asText();
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(customerId, platformId, "first@example.com", "Team",
                usedRegistration, usedId, Instant.now()));
        PublishedFacts.publish(new InvitationAcceptedEvent(usedId, platformId, customerId, usedRegistration));
        awaitCount("SELECT count(*) FROM invitations_view WHERE status = 'ACCEPTED' AND invitation_id = '"
                + usedId + "'", 1);

        String lockedId = UUID.randomUUID().toString();
        String locked = invitation(lockedId, null);
        assertThat(register(locked, "before@example.com", PASSWORD).status()).as("open until it is locked")
                .isEqualTo(202);
        PublishedFacts.publish(new InvitationLockedEvent(lockedId, platformId, 3));
        awaitCount("SELECT count(*) FROM invitations_view WHERE status = 'LOCKED' AND invitation_id = '"
                + lockedId + "'", 1);
        int submitted = registrationsOfThePlatform();

        for (String email : new String[] {"someone@example.com", "before@example.com", "OWNER@example.com"}) {
            Response refusedLocked = register(locked, email, PASSWORD);
            Response refusedUsed = register(used, email, PASSWORD);
            assertProblem(refusedLocked, 400, "invitation_used", "invitationToken");
            assertThat(stableParts(refusedLocked.json())).isEqualTo(stableParts(refusedUsed.json()));
        }
        assertThat(registrationsOfThePlatform()).as("nothing is submitted with either link").isEqualTo(submitted);
    }

    /** The problem without what differs from one request to the next (its instance, its correlation id). */
    private static JsonNode stableParts(JsonNode problem) {
        ObjectNode parts = problem.deepCopy();
        parts.remove(List.of("instance", "correlationId"));
        return parts;
    }

    private static List<String> fieldsOf(JsonNode status) {
        List<String> fields = new ArrayList<>();
        status.fieldNames().forEachRemaining(fields::add);
        Collections.sort(fields);
        return fields;
    }

    @Test
    void linksThatCannotBeUsedAreRefusedBeforeAnythingIsSubmitted() {
        assertProblem(register(Secrets.newToken(), "pat@example.com", PASSWORD), 400, "invitation_unknown",
                "invitationToken");

        String revokedId = UUID.randomUUID().toString();
        String revoked = invitation(revokedId, null);
        PublishedFacts.publish(new InvitationRevokedEvent(revokedId, platformId));
        awaitCount("SELECT count(*) FROM invitations_view WHERE status = 'REVOKED' AND invitation_id = '"
                + revokedId + "'", 1);
        assertProblem(register(revoked, "pat@example.com", PASSWORD), 400, "invitation_revoked", "invitationToken");

        String forQuinn = invitation(UUID.randomUUID().toString(), "quinn@example.com");
        assertProblem(register(forQuinn, "pat@example.com", PASSWORD), 400, "email_mismatch", "email");
        assertThat(register(forQuinn, "QUINN@example.com", PASSWORD).status()).isEqualTo(202);

        String expiring = invitation(UUID.randomUUID().toString(), null);
        clock.advance(Duration.ofDays(7));
        assertProblem(register(expiring, "pat@example.com", PASSWORD), 400, "invitation_expired", "invitationToken");
        assertThat(registrationsOfThePlatform()).isEqualTo(1);
    }

    @Test
    void theRequestAndThePasswordPolicyAreCheckedFieldByField() {
        String token = invitation(UUID.randomUUID().toString(), null);
        assertProblem(register(token, "rita@example.com", "too-short"), 400, "password_too_short", "password");
        assertProblem(register(token, "rita@example.com", "x".repeat(129)), 400, "password_too_long", "password");
        assertProblem(register(token, "rita@example.com", "rita@example.com"), 400, "password_is_email", "password");
        assertProblem(register(token, "rita@example.com", "qwerty123456"), 400, "password_too_common", "password");
        assertProblem(register(token, "not-an-email", PASSWORD), 400, "validation_failed", "email");
        assertProblem(api.post("/api/v1/public/registrations", null, "{\"invitationToken\":\"" + token
                + "\",\"email\":\"rita@example.com\",\"teamName\":\"  \",\"password\":\"" + PASSWORD + "\"}"),
                400, "validation_failed", "teamName");
        assertProblem(api.post("/api/v1/public/registrations", null, "{\"invitationToken\":\"" + token
                + "\",\"email\":\"rita@example.com\",\"teamName\":\"Bell\\u0007\",\"password\":\"" + PASSWORD + "\"}"),
                400, "control_character", "teamName");
        assertProblem(api.post("/api/v1/public/registrations", null, "{\"email\":\"rita@example.com\"}"),
                400, "validation_failed", null);
        assertThat(registrationsOfThePlatform()).isZero();

        assertProblem(api.get("/api/v1/public/registrations/" + UUID.randomUUID(), null), 404,
                "registration_not_found", null);
        assertProblem(api.get("/api/v1/public/registrations/nope", null), 404, "registration_not_found", null);
    }

    @Test
    void aRegistrationNobodyDecidedOnWithinTheDeadlineIsRejectedAndItsWaitingPasswordDeleted() {
        String overdue = register(invitation(UUID.randomUUID().toString(), null), "uma@example.com", PASSWORD)
                .json().get("id").asText();
        String decidedInvitation = UUID.randomUUID().toString();
        String decided = register(invitation(decidedInvitation, null), "vic@example.com", PASSWORD)
                .json().get("id").asText();
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(customerId, platformId, "vic@example.com", "Team",
                decided, decidedInvitation, Instant.now()));
        awaitStatus(decided, "COMPLETED");

        clock.advance(Duration.ofHours(23));
        String recent = register(invitation(UUID.randomUUID().toString(), null), "wes@example.com", PASSWORD)
                .json().get("id").asText();
        clock.advance(Duration.ofHours(1));
        assertThat(status(overdue).get("status").asText()).isEqualTo("PENDING");
        assertThat(waitingPasswords(overdue)).isEqualTo(1);

        sweep.sweep();

        JsonNode rejected = awaitStatus(overdue, "REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("NOT_DECIDED");
        assertThat(rejected.has("customerId")).isFalse();
        assertThat(Instant.parse(rejected.get("decidedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(rejected.get("submittedAt").asText()).plus(Duration.ofHours(24)));
        assertThat(waitingPasswords(overdue)).isZero();

        JsonNode stillPending = status(recent);
        assertThat(stillPending.get("status").asText()).isEqualTo("PENDING");
        assertThat(stillPending.has("reason")).isFalse();
        assertThat(waitingPasswords(recent)).isEqualTo(1);

        JsonNode stillCompleted = status(decided);
        assertThat(stillCompleted.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT customer_id::text FROM registrations WHERE registration_id = ?",
                String.class, UUID.fromString(decided))).isEqualTo(customerId);
    }

    @Test
    void aLateAcceptanceGivesTheCustomerACredentialWithoutPasswordAndTheRegistrationStaysRejected() {
        String provider = accessToken(PROVIDER_USERNAME, PROVIDER_PASSWORD);
        String platform = api.post("/api/v1/platforms", provider, "{\"name\":\"Platform " + UUID.randomUUID()
                + "\"}").json().get("id").asText();
        JsonNode createdAdmin = api.post("/api/v1/platforms/" + platform + "/admins", provider,
                "{\"email\":\"admin-" + UUID.randomUUID() + "@example.com\"}").json();
        String invitationId = UUID.randomUUID().toString();
        String registrationId = register(invitation(platform, invitationId, null), "xena@example.com", PASSWORD)
                .json().get("id").asText();

        clock.advance(Duration.ofHours(25));
        sweep.sweep();
        assertThat(awaitStatus(registrationId, "REJECTED").get("reason").asText()).isEqualTo("NOT_DECIDED");
        assertThat(waitingPasswords(registrationId)).isZero();

        // customer-service comes back and accepts the registration after all.
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerRegisteredEvent(customerId, platform, "xena@example.com", "Team",
                registrationId, invitationId, clock.instant()));
        awaitCount("SELECT count(*) FROM account_credentials WHERE password_hash IS NULL AND account_id = '"
                + customerId + "'", 1);

        JsonNode stillRejected = status(registrationId);
        assertThat(stillRejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(stillRejected.get("reason").asText()).isEqualTo("NOT_DECIDED");
        assertThat(stillRejected.has("customerId")).isFalse();
        Response withTheRegistrationsPassword = login("xena@example.com", PASSWORD, platform);
        assertThat(withTheRegistrationsPassword.status()).as(withTheRegistrationsPassword.toString()).isEqualTo(401);

        // As for a customer the admin created: the admin's password reset gives one.
        String admin = accessToken(createdAdmin.get("email").asText(), createdAdmin.get("password").asText());
        Response generated = api.post("/api/v1/customers/" + customerId + "/password-resets", admin, null);
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        Response confirmed = api.post("/api/v1/customers/" + customerId + "/password-resets/"
                + generated.json().get("resetId").asText() + "/confirmation", admin, null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        Response signedIn = login("xena@example.com", generated.json().get("password").asText(), platform);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    }
}
