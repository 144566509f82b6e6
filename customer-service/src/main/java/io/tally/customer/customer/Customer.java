package io.tally.customer.customer;

import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEmailVerifiedEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.PostalAddress;
import io.tally.contracts.customer.TeamType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer of one platform: profile, billing information, team type, state, tags and the verification of the
 * email. Created through {@link CustomerAccounts}, which first claims the account's email.
 */
@Aggregate
class Customer {

    @AggregateIdentifier
    private String customerId;
    private String platformId;
    private String teamName;
    private String companyName;
    private String contactName;
    private String phone;
    private PostalAddress address;
    private BillingType billingType;
    private boolean emailVerified;
    private String verificationTokenSha256;
    private Instant verificationExpiresAt;
    private TeamType teamType;
    private boolean enabled;
    private List<String> tags;

    protected Customer() {
    }

    /** An admin's customer: the email counts as verified; the account and the team name are kept trimmed. */
    Customer(CreateCustomerCommand command) {
        String email = stripped(command.email());
        String teamName = stripped(command.teamName());
        PlainText.require("email", email);
        PlainText.require("teamName", teamName);
        BillingInformation billingInfo = command.billingInfo() == null ? null : checked(command.billingInfo());
        TeamType initialTeamType = billingInfo == null ? TeamType.DEFAULT : billingInfo.type().teamType();
        apply(new CustomerCreatedEvent(command.customerId(), command.platformId(), email, teamName, billingInfo,
                initialTeamType, now()));
    }

    /** A customer who registered through an invitation: unverified until the mailed link is followed. */
    Customer(String customerId, CustomerAccounts.Registrant registrant) {
        apply(new CustomerRegisteredEvent(customerId, registrant.platformId(), registrant.email().strip(),
                registrant.teamName().strip(), registrant.registrationId(), registrant.invitationId(), now()));
    }

    @CommandHandler
    public void handle(UpdateCustomerInformationCommand command) {
        requirePlatform(command.platformId());
        if (command.teamName() != null && command.teamName().isBlank()) {
            throw new InvalidCustomerDataException("team_name_blank", "teamName", "The team name must not be blank.");
        }
        PlainText.require("teamName", command.teamName());
        PlainText.require("companyName", command.companyName());
        PlainText.require("contactName", command.contactName());
        PlainText.require("phone", command.phone());
        PlainText.require("address", command.address());
        String newCompanyName = command.companyName() == null ? companyName : blankToNull(command.companyName());
        if (newCompanyName != null && !Objects.equals(newCompanyName, companyName)
                && billingType != BillingType.ENTERPRISE) {
            throw new InvalidCustomerDataException("company_name_enterprise_only", "companyName",
                    "Only an enterprise team has a company name; set ENTERPRISE billing information first.");
        }
        if (newCompanyName == null && billingType == BillingType.ENTERPRISE) {
            throw new InvalidCustomerDataException("company_name_required", "companyName",
                    "An enterprise team's company name cannot be removed.");
        }
        CustomerInformationUpdatedEvent updated = new CustomerInformationUpdatedEvent(customerId, platformId,
                command.teamName() == null ? teamName : command.teamName().strip(),
                newCompanyName,
                command.contactName() == null ? contactName : blankToNull(command.contactName()),
                command.phone() == null ? phone : blankToNull(command.phone()),
                command.address() == null ? address : command.address());
        if (!updated.equals(new CustomerInformationUpdatedEvent(customerId, platformId, teamName, companyName,
                contactName, phone, address))) {
            apply(updated);
        }
    }

    @CommandHandler
    public void handle(SetBillingInfoCommand command) {
        requirePlatform(command.platformId());
        BillingInformation billingInfo = checked(command.billingInfo());
        if (billingInfo.equals(new BillingInformation(billingType, companyName, contactName, phone, address))) {
            return;
        }
        apply(new CustomerBillingInfoSetEvent(customerId, platformId, billingInfo));
        followTeamType(emailVerified, billingInfo.type());
    }

    @CommandHandler
    public void handle(SetCustomerStateCommand command) {
        requirePlatform(command.platformId());
        if (command.enabled() == enabled) {
            return;
        }
        apply(command.enabled()
                ? new CustomerEnabledEvent(customerId, platformId)
                : new CustomerDisabledEvent(customerId, platformId));
    }

    @CommandHandler
    public void handle(SetCustomerTagsCommand command) {
        requirePlatform(command.platformId());
        List<String> normalized = Tags.normalize(command.tags());
        if (!normalized.equals(tags)) {
            apply(new CustomerTagsSetEvent(customerId, platformId, normalized));
        }
    }

    @CommandHandler
    public void handle(RequestEmailVerificationCommand command) {
        if (!emailVerified) {
            apply(new EmailVerificationRequestedEvent(customerId, command.tokenSha256(), command.expiresAt()));
        }
    }

    @CommandHandler
    public void handle(VerifyCustomerEmailCommand command) {
        if (verificationTokenSha256 == null || !sameDigest(verificationTokenSha256, command.tokenSha256())) {
            throw new VerificationTokenException("token_invalid", "The verification token is not valid.");
        }
        if (emailVerified) {
            throw new VerificationTokenException("token_used", "The email address is already verified.");
        }
        if (!now().isBefore(verificationExpiresAt)) {
            throw new VerificationTokenException("token_expired", "The verification token has expired.");
        }
        apply(new CustomerEmailVerifiedEvent(customerId, platformId, now()));
        followTeamType(true, billingType);
    }

    @EventSourcingHandler
    void on(CustomerCreatedEvent event) {
        customerId = event.customerId();
        platformId = event.platformId();
        teamName = event.teamName();
        emailVerified = true;
        teamType = event.teamType();
        enabled = true;
        tags = List.of();
        if (event.billingInfo() != null) {
            remember(event.billingInfo());
        }
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
        platformId = event.platformId();
        teamName = event.teamName();
        teamType = TeamType.DEFAULT;
        enabled = true;
        tags = List.of();
    }

    @EventSourcingHandler
    void on(CustomerInformationUpdatedEvent event) {
        teamName = event.teamName();
        companyName = event.companyName();
        contactName = event.contactName();
        phone = event.phone();
        address = event.address();
    }

    @EventSourcingHandler
    void on(CustomerBillingInfoSetEvent event) {
        remember(event.billingInfo());
    }

    @EventSourcingHandler
    void on(CustomerTeamTypeChangedEvent event) {
        teamType = event.teamType();
    }

    @EventSourcingHandler
    void on(CustomerEnabledEvent event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(CustomerDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(CustomerTagsSetEvent event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(EmailVerificationRequestedEvent event) {
        verificationTokenSha256 = event.tokenSha256();
        verificationExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CustomerEmailVerifiedEvent event) {
        emailVerified = true;
    }

    private void remember(BillingInformation billingInfo) {
        billingType = billingInfo.type();
        companyName = billingInfo.companyName();
        contactName = billingInfo.contactName();
        phone = billingInfo.phone();
        address = billingInfo.address();
    }

    private void followTeamType(boolean verified, BillingType billing) {
        TeamType next = verified && billing != null ? billing.teamType() : TeamType.DEFAULT;
        if (next != teamType) {
            apply(new CustomerTeamTypeChangedEvent(customerId, platformId, teamType, next));
        }
    }

    private void requirePlatform(String callerPlatformId) {
        if (!platformId.equals(callerPlatformId)) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    private static BillingInformation checked(BillingInformation billingInfo) {
        if (billingInfo == null || billingInfo.type() == null) {
            throw new InvalidCustomerDataException("required", "billingInfo.type",
                    "The billing type is required: INDIVIDUAL or ENTERPRISE.");
        }
        PlainText.require("billingInfo.companyName", billingInfo.companyName());
        PlainText.require("billingInfo.contactName", billingInfo.contactName());
        PlainText.require("billingInfo.phone", billingInfo.phone());
        PlainText.require("billingInfo.address", billingInfo.address());
        String company = blankToNull(billingInfo.companyName());
        if (billingInfo.type() == BillingType.ENTERPRISE && company == null) {
            throw new InvalidCustomerDataException("company_name_required", "billingInfo.companyName",
                    "Enterprise billing information needs a company name.");
        }
        if (billingInfo.type() == BillingType.INDIVIDUAL && company != null) {
            throw new InvalidCustomerDataException("company_name_enterprise_only", "billingInfo.companyName",
                    "Individual billing information has no company name.");
        }
        return new BillingInformation(billingInfo.type(), company, blankToNull(billingInfo.contactName()),
                blankToNull(billingInfo.phone()), billingInfo.address());
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean sameDigest(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
