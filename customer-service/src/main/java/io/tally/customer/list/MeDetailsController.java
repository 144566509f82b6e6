package io.tally.customer.list;

import io.swagger.v3.oas.annotations.Operation;
import io.tally.service.web.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in customer's own profile, as the list's details show it: the customer's token has the customer id as
 * its subject. Changing it is the customer slice's.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeDetailsController {

    private final CustomerListQueries queries;

    MeDetailsController(CustomerListQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The signed-in customer's own profile", operationId = "getMyProfile")
    public CustomerRow me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return queries.details(caller.platformId(), caller.subject());
    }
}
