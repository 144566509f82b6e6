package io.tally.customer.customer;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.customer.customer.Requests.BillingInfoRequest;
import io.tally.service.web.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in customer's changes to their own profile: the customer's token has the customer id as its subject.
 * Reading the profile is the list slice's.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final CustomerAccounts accounts;

    MeController(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    @PutMapping("/billing-info")
    @Operation(summary = "Set the signed-in customer's own billing information", operationId = "setMyBillingInfo")
    @ApiResponse(responseCode = "204", description = "Set.")
    public ResponseEntity<Void> billingInfo(@AuthenticationPrincipal Jwt jwt,
                                            @Valid @RequestBody BillingInfoRequest request) {
        Caller caller = Caller.of(jwt);
        accounts.change(caller.subject(), caller,
                id -> new SetBillingInfoCommand(id, caller.platformId(), request.toBillingInformation()));
        return ResponseEntity.noContent().build();
    }
}
