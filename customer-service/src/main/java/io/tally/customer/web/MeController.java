package io.tally.customer.web;

import io.tally.service.web.Dispatcher;
import io.tally.service.web.Caller;
import io.tally.customer.command.Commands.SetBillingInfoCommand;
import io.tally.customer.command.Rejections.CustomerNotFoundException;
import io.tally.customer.query.CustomerListQueries;
import io.tally.customer.query.CustomerRow;
import io.tally.customer.web.Requests.BillingInfoRequest;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in customer's own profile; the customer's token has the customer id as its subject. */
@RestController
@RequestMapping("/api/v1/me")
public class MeController {

    private final Dispatcher dispatcher;
    private final CustomerListQueries queries;

    public MeController(Dispatcher dispatcher, CustomerListQueries queries) {
        this.dispatcher = dispatcher;
        this.queries = queries;
    }

    @GetMapping
    public CustomerRow me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return queries.details(caller.platformId(), CustomerController.requireId(caller.subject()))
                .orElseThrow(() -> new CustomerNotFoundException(caller.subject()));
    }

    @PutMapping("/billing-info")
    public ResponseEntity<Void> billingInfo(@AuthenticationPrincipal Jwt jwt,
                                            @Valid @RequestBody BillingInfoRequest request) {
        Caller caller = Caller.of(jwt);
        try {
            dispatcher.send(new SetBillingInfoCommand(CustomerController.requireId(caller.subject()),
                    caller.platformId(), request.toBillingInformation()), caller);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(caller.subject());
        }
        return ResponseEntity.noContent().build();
    }
}
