package io.tally.customer.command;

import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.PostalAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands of customer-service; private to it. Platform ids come from the caller's token. */
public final class Commands {

    private Commands() {
    }

    public record CreateCustomerCommand(String customerId, String platformId, String email, String teamName,
                                        BillingInformation billingInfo) {
    }

    public record UpdateCustomerInformationCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                                   String teamName, String companyName, String contactName,
                                                   String phone, PostalAddress address) {
    }

    public record SetBillingInfoCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                        BillingInformation billingInfo) {
    }

    public record SetCustomerStateCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                          boolean enabled) {
    }

    public record SetCustomerTagsCommand(@TargetAggregateIdentifier String customerId, String platformId,
                                         List<String> tags) {
    }

    public record RequestEmailVerificationCommand(@TargetAggregateIdentifier String customerId, String tokenSha256,
                                                  Instant expiresAt) {
    }

    public record VerifyCustomerEmailCommand(@TargetAggregateIdentifier String customerId, String tokenSha256) {
    }

    public record IssueInvitationCommand(@TargetAggregateIdentifier String invitationId, String platformId,
                                         String email, String tokenSha256, Instant expiresAt) {
    }

    public record RevokeInvitationCommand(@TargetAggregateIdentifier String invitationId, String platformId) {
    }

    public record ExpireInvitationCommand(@TargetAggregateIdentifier String invitationId) {
    }

    public record SubmitRegistrationCommand(String registrationId, String invitationId, String platformId,
                                            String email, String teamName) {
    }
}
