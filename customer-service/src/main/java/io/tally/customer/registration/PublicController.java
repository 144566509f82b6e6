package io.tally.customer.registration;

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
    public ResponseEntity<Void> verify(@Valid @RequestBody EmailVerificationRequest request) {
        emailVerification.verify(request.token());
        return ResponseEntity.noContent().build();
    }
}
