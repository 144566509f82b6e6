package io.tally.customer.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.tally.contracts.Topics;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.MovableClock;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration choreography over the real broker: auth-service's RegistrationSubmitted in,
 * CustomerRegistered / InvitationAccepted or RegistrationRejected out, and the verification mail.
 */
class RegistrationIntegrationTest extends ServiceApiTest {

    private static final String SUBMITTED = "io.tally.auth.RegistrationSubmitted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    GreenMail greenMail;
    @Autowired
    MovableClock clock;

    @Test
    void registrationThroughAnInvitationCreatesAnUnverifiedCustomerAndMailsTheLink() throws Exception {
        String invitationId = invite("{}");
        String registrationId = submit(invitationId, platform, "Grace@Example.com", "Compilers");

        Record registered = awaitRecord(r -> "io.tally.customer.CustomerRegistered.v1".equals(r.type())
                && r.data().contains(registrationId));
        String customerId = JSON.readTree(registered.data()).get("customerId").asText();
        assertThat(registered.key()).isEqualTo(customerId);
        assertThat(registered.attributes()).as("the submission's correlation id follows into its outcome")
                .containsEntry("correlationid", "corr-" + registrationId);
        Record accepted = awaitRecord(r -> "io.tally.customer.InvitationAccepted.v1".equals(r.type())
                && r.data().contains(invitationId));
        assertThat(accepted.key()).isEqualTo(invitationId);
        assertThat(JSON.readTree(accepted.data()).get("customerId").asText()).isEqualTo(customerId);

        JsonNode row = api.await("/api/v1/customers/" + customerId, admin, r -> r.status() == 200).json();
        assertThat(row.get("teamType").asText()).isEqualTo("DEFAULT");
        assertThat(row.get("emailVerified").asBoolean()).isFalse();
        assertThat(invitationStatus(invitationId)).isEqualTo("ACCEPTED");

        String token = verificationTokenMailedTo("Grace@Example.com");
        assertThat(api.put("/api/v1/customers/" + customerId + "/billing-info", admin,
                "{\"type\":\"ENTERPRISE\",\"companyName\":\"Hopper Ltd\"}").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/customers/" + customerId, admin).json().get("teamType").asText())
                .as("billing information alone does not make a team: the email is not verified")
                .isEqualTo("DEFAULT");

        assertThat(api.post("/api/v1/public/email-verifications", null, "{\"token\":\"" + token + "\"}").status())
                .isEqualTo(204);
        Record emailVerified = awaitRecord(r -> "io.tally.customer.CustomerEmailVerified.v1".equals(r.type())
                && customerId.equals(r.key()));
        assertThat(emailVerified.attributes()).as("a public request's events still name their platform")
                .containsEntry("platformid", platform).containsEntry("actor", "anonymous");
        JsonNode verified = api.await("/api/v1/customers/" + customerId, admin,
                r -> r.json().get("teamType").asText().equals("ENTERPRISE")).json();
        assertThat(verified.get("emailVerified").asBoolean()).isTrue();
        assertThat(verified.get("companyName").asText()).isEqualTo("Hopper Ltd");

        Response reused = api.post("/api/v1/public/email-verifications", null, "{\"token\":\"" + token + "\"}");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("code").asText()).isEqualTo("token_used");
    }

    @Test
    void unknownOrForgedVerificationTokensAreRefused() {
        for (String token : List.of("nonsense", UUID.randomUUID() + ".abc", "", "x".repeat(201))) {
            Response response = api.post("/api/v1/public/email-verifications", null, "{\"token\":\"" + token + "\"}");
            assertThat(response.status()).as(token).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
        }
    }

    @Test
    void aUsedInvitationIsRefusedAndChangesNothing() throws Exception {
        String invitationId = invite("{}");
        submit(invitationId, platform, "first@example.com", "First");
        awaitRecord(r -> "io.tally.customer.InvitationAccepted.v1".equals(r.type()) && r.data().contains(invitationId));

        String second = submit(invitationId, platform, "second@example.com", "Second");
        assertThat(rejection(second)).isEqualTo("INVITATION_USED");
        assertNoCustomer("second@example.com");
    }

    @Test
    void aRevokedInvitationIsRefused() throws Exception {
        String invitationId = invite("{}");
        assertThat(api.delete("/api/v1/invitations/" + invitationId, admin).status()).isEqualTo(204);
        Response again = api.delete("/api/v1/invitations/" + invitationId, admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("invitation_not_pending");

        String registration = submit(invitationId, platform, "late@example.com", "Late");
        assertThat(rejection(registration)).isEqualTo("INVITATION_REVOKED");
        assertNoCustomer("late@example.com");
        assertThat(invitationStatus(invitationId)).isEqualTo("REVOKED");
    }

    @Test
    void anInvitationExpiresOnItsOwnAndIsThenRefused() throws Exception {
        String invitationId = invite("{\"expiresInDays\":1}");
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        Record expired = awaitRecord(r -> "io.tally.customer.InvitationExpired.v1".equals(r.type())
                && r.data().contains(invitationId));
        assertThat(expired.key()).isEqualTo(invitationId);
        assertThat(expired.attributes()).containsEntry("actor", "system:invitation-expiry")
                .containsEntry("platformid", platform);
        assertThat(api.await("/api/v1/invitations?status=EXPIRED", admin,
                r -> r.body().contains(invitationId)).body()).contains(invitationId);

        String registration = submit(invitationId, platform, "expired@example.com", "Expired");
        assertThat(rejection(registration)).isEqualTo("INVITATION_EXPIRED");
        assertNoCustomer("expired@example.com");
    }

    @Test
    void unknownInvitationsAndOtherPlatformsInvitationsAreRefused() throws Exception {
        assertThat(rejection(submit(UUID.randomUUID().toString(), platform, "nobody@example.com", "Nobody")))
                .isEqualTo("INVITATION_UNKNOWN");
        String invitationId = invite("{}");
        assertThat(rejection(submit(invitationId, UUID.randomUUID().toString(), "other@example.com", "Other")))
                .isEqualTo("INVITATION_UNKNOWN");
        assertThat(invitationStatus(invitationId)).isEqualTo("PENDING");
    }

    @Test
    void aTakenEmailIsToldToItsOwnerByMailAndTheLinkStaysUsableBelowTheLimit() throws Exception {
        List<String> owners = List.of("taken@example.com", "also.taken@example.com");
        for (String owner : owners) {
            assertThat(api.post("/api/v1/customers", admin, "{\"email\":\"" + owner + "\",\"teamName\":\"T\"}")
                    .status()).isEqualTo(201);
        }
        String invitationId = invite("{}");
        String first = submit(invitationId, platform, "TAKEN@example.com", "Taken");
        assertThat(rejection(first)).isEqualTo("EMAIL_TAKEN");
        assertThat(rejection(submit(invitationId, platform, "also.taken@example.com", "Also taken")))
                .isEqualTo("EMAIL_TAKEN");

        MimeMessage notice = onlyMailTo("TAKEN@example.com");
        assertThat(notice.getSubject()).isEqualTo(EmailTakenNoticeMailer.SUBJECT);
        String text = notice.getContent().toString();
        assertThat(text).contains("already have an account")
                .contains("/p/" + platform + "/sign-in")
                .doesNotContain("verify-email", "token", "password=", "reset?");
        assertThat(onlyMailTo("also.taken@example.com").getSubject()).isEqualTo(EmailTakenNoticeMailer.SUBJECT);

        JsonNode open = api.await("/api/v1/invitations/" + invitationId, admin,
                r -> r.json().path("refusedRegistrations").asInt() == owners.size()).json();
        assertThat(open.get("status").asText()).isEqualTo("PENDING");
        assertThat(open.has("closedAt")).isFalse();

        String free = submit(invitationId, platform, "free@example.com", "Free");
        Record registered = awaitRecord(r -> "io.tally.customer.CustomerRegistered.v1".equals(r.type())
                && r.data().contains(free));
        awaitRecord(r -> "io.tally.customer.InvitationAccepted.v1".equals(r.type()) && r.data().contains(invitationId));
        assertThat(verificationTokenMailedTo("free@example.com")).isNotBlank();
        JsonNode accepted = api.await("/api/v1/invitations/" + invitationId, admin,
                r -> r.json().path("status").asText().equals("ACCEPTED")).json();
        assertThat(accepted.get("refusedRegistrations").asInt()).isEqualTo(owners.size());
        assertThat(accepted.get("customerId").asText())
                .isEqualTo(JSON.readTree(registered.data()).get("customerId").asText());
        assertThat(mailsTo("TAKEN@example.com")).as("the owner is told once, and never sent a link").hasSize(1);
        List<Record> records = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS, r -> false);
        assertThat(records).noneMatch(r -> "io.tally.customer.InvitationLocked.v1".equals(r.type())
                && r.data().contains(invitationId));
        assertThat(records).filteredOn(r -> r.data().contains(first)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.everything()).as("no address is published with a refusal")
                        .doesNotContainIgnoringCase("taken@example.com"));
    }

    @Test
    void threeTakenAddressesLockTheLinkForEveryone() throws Exception {
        List<String> owners = List.of("owner.one@example.com", "owner.two@example.com", "owner.three@example.com");
        for (String owner : owners) {
            assertThat(api.post("/api/v1/customers", admin, "{\"email\":\"" + owner + "\",\"teamName\":\"O\"}")
                    .status()).isEqualTo(201);
        }
        String invitationId = invite("{}");
        for (String owner : owners) {
            assertThat(rejection(submit(invitationId, platform, owner, "Prober"))).isEqualTo("EMAIL_TAKEN");
        }

        Record locked = awaitRecord(r -> "io.tally.customer.InvitationLocked.v1".equals(r.type())
                && r.data().contains(invitationId));
        assertThat(locked.key()).isEqualTo(invitationId);
        assertThat(locked.attributes()).containsEntry("platformid", platform);
        JsonNode lockedData = JSON.readTree(locked.data());
        assertThat(lockedData.get("refusedRegistrations").asInt()).isEqualTo(owners.size());
        assertThat(lockedData.get("platformId").asText()).isEqualTo(platform);

        JsonNode seen = api.await("/api/v1/invitations/" + invitationId, admin,
                r -> r.json().path("status").asText().equals("LOCKED")).json();
        assertThat(seen.get("refusedRegistrations").asInt()).isEqualTo(owners.size());
        assertThat(seen.has("closedAt")).isTrue();
        assertThat(seen.has("customerId")).isFalse();
        assertThat(api.get("/api/v1/invitations?status=LOCKED", admin).body()).contains(invitationId);
        assertThat(api.get("/api/v1/invitations?status=PENDING", admin).body()).doesNotContain(invitationId);

        String fresh = submit(invitationId, platform, "fresh@example.com", "Fresh");
        assertThat(rejection(fresh)).as("refused as a used link is, whatever the address")
                .isEqualTo("INVITATION_USED");
        assertNoCustomer("fresh@example.com");
        assertThat(rejection(submit(invitationId, platform, "owner.one@example.com", "Again")))
                .isEqualTo("INVITATION_USED");

        Response revoke = api.delete("/api/v1/invitations/" + invitationId, admin);
        assertThat(revoke.status()).isEqualTo(409);
        assertThat(revoke.json().get("code").asText()).isEqualTo("invitation_not_pending");

        for (String owner : owners) {
            assertThat(onlyMailTo(owner).getSubject()).isEqualTo(EmailTakenNoticeMailer.SUBJECT);
        }
        assertThat(mailsTo("owner.one@example.com")).as("a refusal of the locked link mails nobody").hasSize(1);
        assertThat(mailsTo("fresh@example.com")).isEmpty();
        assertThat(KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS, r -> false))
                .filteredOn(r -> "io.tally.customer.InvitationLocked.v1".equals(r.type())
                        && r.data().contains(invitationId)).hasSize(1);
    }

    @Test
    void anInvitationForAnAddressRefusesAnotherAddress() throws Exception {
        String invitationId = invite("{\"email\":\"exact@example.com\"}");
        assertThat(rejection(submit(invitationId, platform, "someone.else@example.com", "Else")))
                .isEqualTo("EMAIL_MISMATCH");
        submit(invitationId, platform, "Exact@Example.com", "Exact");
        awaitRecord(r -> "io.tally.customer.InvitationAccepted.v1".equals(r.type()) && r.data().contains(invitationId));
        JsonNode accepted = api.await("/api/v1/invitations/" + invitationId, admin,
                r -> r.json().path("status").asText().equals("ACCEPTED")).json();
        assertThat(accepted.get("refusedRegistrations").asInt()).as("the link's own refusals are not counted")
                .isZero();
        assertThat(mailsTo("someone.else@example.com")).isEmpty();
    }

    @Test
    void malformedSubmissionsAreRefusedAndTheIntakeKeepsGoing() throws Exception {
        String invitationId = invite("{}");
        for (String body : List.of(
                submission(UUID.randomUUID().toString(), invitationId, platform, "nul@example.com", "a\\u0000b"),
                submission(UUID.randomUUID().toString(), invitationId, "not-a-platform", "x@example.com", "X"),
                submission(UUID.randomUUID().toString(), invitationId, platform, "no-at-sign", "X"),
                "{\"registrationId\":\"" + UUID.randomUUID() + "\",\"invitationId\":\"" + invitationId
                        + "\",\"platformId\":\"" + platform + "\"}")) {
            KafkaProbe.publish(Topics.AUTH_EVENTS, invitationId, SUBMITTED, body, Map.of());
            String registrationId = JSON.readTree(body).get("registrationId").asText();
            assertThat(rejection(registrationId)).as(body).isEqualTo("INVALID_SUBMISSION");
        }
        submit(invitationId, platform, "valid@example.com", "Valid");
        awaitRecord(r -> "io.tally.customer.InvitationAccepted.v1".equals(r.type()) && r.data().contains(invitationId));
    }

    @Test
    void aRedeliveredSubmissionIsJudgedOnce() throws Exception {
        String invitationId = invite("{}");
        String registrationId = UUID.randomUUID().toString();
        String body = submission(registrationId, invitationId, platform, "twice@example.com", "Twice");
        KafkaProbe.publish(Topics.AUTH_EVENTS, invitationId, SUBMITTED, body, Map.of());
        KafkaProbe.publish(Topics.AUTH_EVENTS, invitationId, SUBMITTED, body, Map.of());
        String marker = UUID.randomUUID().toString();
        String unknownInvitation = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.AUTH_EVENTS, invitationId, SUBMITTED,
                submission(marker, unknownInvitation, platform, "marker@example.com", "M"), Map.of());
        rejection(marker);

        List<Record> records = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS, r -> false);
        assertThat(records).filteredOn(r -> r.data().contains(registrationId)
                && "io.tally.customer.CustomerRegistered.v1".equals(r.type())).hasSize(1);
        assertThat(records).filteredOn(r -> r.data().contains(registrationId)
                && "io.tally.customer.RegistrationRejected.v1".equals(r.type())).isEmpty();
    }

    @Test
    void invitationsAreListedByStatusAndBadInputIsRefused() throws Exception {
        String pending = invite("{\"email\":\"p@example.com\",\"expiresInDays\":3}");
        JsonNode listed = api.await("/api/v1/invitations?status=PENDING", admin,
                r -> r.body().contains(pending)).json();
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("email").asText()).isEqualTo("p@example.com");
        assertThat(item.get("status").asText()).isEqualTo("PENDING");

        assertThat(api.get("/api/v1/invitations", TestTokens.admin(UUID.randomUUID().toString())).body())
                .doesNotContain(pending);
        assertThat(api.delete("/api/v1/invitations/" + pending, TestTokens.admin(UUID.randomUUID().toString()))
                .status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/invitations/not-an-id", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invitations?status=LOST", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/invitations?limit=200&offset=100000", admin).status()).isEqualTo(200);
        for (String bad : List.of("limit=0", "limit=201", "limit=-5", "offset=-1", "offset=100001", "offset=x")) {
            Response response = api.get("/api/v1/invitations?" + bad, admin);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(bad).startsWith("application/problem+json");
            assertThat(response.json().at("/errors/0/field").asText()).as(bad).isEqualTo(bad.split("=")[0]);
            assertThat(response.json().at("/errors/0/rule").asText()).as(bad).isEqualTo("range");
        }
        for (String bad : List.of("{\"expiresInDays\":0}", "{\"expiresInDays\":31}", "{\"email\":\"nope\"}",
                "{\"expiresInDays\":\"soon\"}", "{\"colour\":\"red\"}", "{")) {
            Response response = api.post("/api/v1/invitations", admin, bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private String invite(String body) {
        Response response = api.post("/api/v1/invitations", admin, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("link").asText()).endsWith("/register?invitation=" + json.get("token").asText());
        return json.get("id").asText();
    }

    private String submit(String invitationId, String platformId, String email, String teamName) {
        String registrationId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.AUTH_EVENTS, invitationId, SUBMITTED,
                submission(registrationId, invitationId, platformId, email, teamName),
                Map.of("correlationid", "corr-" + registrationId));
        return registrationId;
    }

    private static String submission(String registrationId, String invitationId, String platformId, String email,
                                     String teamName) {
        return """
                {"registrationId":"%s","invitationId":"%s","platformId":"%s","email":"%s","teamName":"%s"}"""
                .formatted(registrationId, invitationId, platformId, email, teamName);
    }

    private String rejection(String registrationId) throws Exception {
        Record rejected = awaitRecord(r -> "io.tally.customer.RegistrationRejected.v1".equals(r.type())
                && r.data().contains(registrationId));
        return JSON.readTree(rejected.data()).get("reason").asText();
    }

    private static Record awaitRecord(java.util.function.Predicate<Record> wanted) {
        List<Record> records = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS, all -> all.stream().anyMatch(wanted));
        return records.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("No such record on " + Topics.CUSTOMER_EVENTS));
    }

    /**
     * The list is eventually consistent and projects the events in order: once a customer created after the
     * judgement is listed, a customer the judgement had registered would be listed too.
     */
    private void assertNoCustomer(String email) {
        String marker = "marker-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/customers", admin, "{\"email\":\"" + marker + "\",\"teamName\":\"Marker\"}")
                .status()).isEqualTo(201);
        assertThat(api.await("/api/v1/customers?q=" + marker, admin, r -> r.json().get("total").asLong() == 1)
                .json().get("total").asLong()).as("the marker created after the judgement is listed").isEqualTo(1);
        assertThat(api.get("/api/v1/customers?q=" + email, admin).json().get("total").asLong()).isZero();
    }

    private String invitationStatus(String invitationId) {
        JsonNode items = api.get("/api/v1/invitations?limit=200", admin).json().get("items");
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(invitationId)) {
                return item.get("status").asText();
            }
        }
        throw new AssertionError("Invitation " + invitationId + " is not listed");
    }

    private List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                mails.add(message);
            }
        }
        return mails;
    }

    /** The one mail to the address, once it arrived; a second one fails. */
    private MimeMessage onlyMailTo(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mailsTo(email).isEmpty()) {
            assertThat(System.nanoTime()).as("a mail to " + email).isLessThan(deadline);
            Thread.sleep(50);
        }
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("mails to " + email).hasSize(1);
        return mails.get(0);
    }

    private String verificationTokenMailedTo(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Pattern link = Pattern.compile("verify-email\\?token=(\\S+)");
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    Matcher matcher = link.matcher(message.getContent().toString());
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No verification mail to " + email);
    }
}
