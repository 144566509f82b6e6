package io.tally.auth.command;

import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of auth-service: private to it, never published. */
public final class Commands {

    private Commands() {
    }

    /** {@code currency} may be null: a platform keeps its amounts in USD unless told otherwise. */
    public record CreatePlatformCommand(String platformId, String name, String currency) {
    }

    /**
     * {@code platformId} is null for the provider, whose account belongs to no platform.
     * {@code passwordHash} is null only for a customer created by an admin: no sign-in until a
     * reset is confirmed.
     */
    public record CreateAccountCommand(String accountId, AccountRole role, String platformId, String username,
                                       String passwordHash) {
    }

    /** A platform admin asks for a generated password for one of the platform's customers. */
    public record GeneratePasswordResetCommand(@TargetAggregateIdentifier String accountId, String platformId,
                                               String resetId, String passwordHash) {
    }

    /** The admin confirms the generated password: it becomes the customer's, and their sessions end. */
    public record ConfirmPasswordResetCommand(@TargetAggregateIdentifier String accountId, String platformId,
                                              String resetId) {
    }

    /** The account holder chose a new password (the current one already checked); other sessions end. */
    public record ChangePasswordCommand(@TargetAggregateIdentifier String accountId, String passwordHash) {
    }

    /** A customer's state, as customer-service decided it: disabled customers cannot sign in. */
    public record SetAccountEnabledCommand(@TargetAggregateIdentifier String accountId, boolean enabled) {
    }

    public record EndSessionsCommand(@TargetAggregateIdentifier String accountId, SessionRevocationReason reason) {
    }

    public record LockLoginCommand(@TargetAggregateIdentifier String accountId, Instant lockedUntil, int failures) {
    }

    public record SubmitRegistrationCommand(String registrationId, String invitationId, String platformId,
                                            String email, String teamName, String passwordHash) {
    }

    public record CompleteRegistrationCommand(@TargetAggregateIdentifier String registrationId, String customerId) {
    }

    public record RejectRegistrationCommand(@TargetAggregateIdentifier String registrationId,
                                            RegistrationRejectionReason reason) {
    }
}
