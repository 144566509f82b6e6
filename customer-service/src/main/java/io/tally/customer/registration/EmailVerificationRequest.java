package io.tally.customer.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token of a verification link, as the link or the mail shows it. */
record EmailVerificationRequest(@NotBlank @Size(max = 200) String token) {
}
