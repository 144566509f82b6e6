package io.tally.customer.invitation;

import io.tally.customer.customer.CustomerAccounts;
import io.tally.customer.customer.PlainText;
import io.tally.service.web.EmailAddress;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** An invitation to issue: for one email or, without one, for anyone; valid 1 to 30 days. */
record InvitationRequest(
        @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) String email,
        @Min(1) @Max(30) Integer expiresInDays) {
}
