package io.tally.customer.registration;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What anyone may call without a token: following the email verification link. */
@RestController
@RequestMapping("/api/v1/public")
class PublicController {

    private final EmailVerification emailVerification;

    PublicController(EmailVerification emailVerification) {
        this.emailVerification = emailVerification;
    }

    @PostMapping("/email-verifications")
    @Operation(summary = "Verify an email address with the mailed token", operationId = "verifyEmail")
    @ApiResponse(responseCode = "204", description = "Verified.")
    public ResponseEntity<Void> verify(@Valid @RequestBody EmailVerificationRequest request) {
        emailVerification.verify(request.token());
        return ResponseEntity.noContent().build();
    }
}
