package io.tally.customer.invitation;

import io.tally.customer.customer.CustomerAccounts;
import io.tally.customer.customer.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** An invitation to issue: for one email or, without one, for anyone; valid 1 to 30 days. */
record InvitationRequest(
        @Size(max = CustomerAccounts.MAX_EMAIL_LENGTH) @Email(regexp = PlainText.EMAIL) String email,
        @Min(1) @Max(30) Integer expiresInDays) {
}
