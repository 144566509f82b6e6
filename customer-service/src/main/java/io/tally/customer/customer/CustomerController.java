package io.tally.customer.customer;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.customer.customer.Requests.BillingInfoRequest;
import io.tally.customer.customer.Requests.CreateCustomerRequest;
import io.tally.customer.customer.Requests.StateRequest;
import io.tally.customer.customer.Requests.TagsRequest;
import io.tally.customer.customer.Requests.UpdateCustomerRequest;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The admin's changes to a customer; the list and the details are the list slice's. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final Dispatcher dispatcher;
    private final CustomerAccounts accounts;

    CustomerController(Dispatcher dispatcher, CustomerAccounts accounts) {
        this.dispatcher = dispatcher;
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create a customer account", operationId = "createCustomer")
    @ApiResponse(responseCode = "201", description = "Accepted; `Location` names the customer, listed a moment later.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The customer's details.",
                    schema = @Schema(type = "string", format = "uri-reference",
                            example = "/api/v1/customers/3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", requiredProperties = "id"),
                    schemaProperties = @SchemaProperty(name = "id", schema = @Schema(type = "string", format = "uuid",
                            description = "The new customer's id.", example = "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42"))))
    @ApiResponse(responseCode = "409", description = "`email_taken`: the email is used on the platform, ignoring case.", content = @Content)
    public ResponseEntity<Map<String, String>> create(@AuthenticationPrincipal Jwt jwt,
                                                      @Valid @RequestBody CreateCustomerRequest request) {
        Caller caller = Caller.of(jwt);
        String customerId = UUID.randomUUID().toString();
        dispatcher.send(new CreateCustomerCommand(customerId, caller.platformId(), request.email(),
                request.teamName(),
                request.billingInfo() == null ? null : request.billingInfo().toBillingInformation()), caller);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId)).body(Map.of("id", customerId));
    }

    @PatchMapping("/{customerId}")
    @Operation(summary = "Edit a customer's information", operationId = "updateCustomer")
    @ApiResponse(responseCode = "204", description = "Changed.")
    public ResponseEntity<Void> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                       @Valid @RequestBody UpdateCustomerRequest request) {
        Caller caller = Caller.of(jwt);
        accounts.change(customerId, caller, id -> new UpdateCustomerInformationCommand(id, caller.platformId(),
                request.teamName(), request.companyName(), request.contactName(), request.phone(),
                request.address() == null ? null : request.address().toPostalAddress()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{customerId}/billing-info")
    @Operation(summary = "Set a customer's billing information", operationId = "setCustomerBillingInfo")
    @ApiResponse(responseCode = "204", description = "Set.")
    public ResponseEntity<Void> billingInfo(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                            @Valid @RequestBody BillingInfoRequest request) {
        Caller caller = Caller.of(jwt);
        accounts.change(customerId, caller,
                id -> new SetBillingInfoCommand(id, caller.platformId(), request.toBillingInformation()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{customerId}/state")
    @Operation(summary = "Enable or disable a customer", operationId = "setCustomerState")
    @ApiResponse(responseCode = "204", description = "Set.")
    public ResponseEntity<Void> state(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                      @Valid @RequestBody StateRequest request) {
        Caller caller = Caller.of(jwt);
        accounts.change(customerId, caller,
                id -> new SetCustomerStateCommand(id, caller.platformId(), request.state() == Requests.State.ON));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{customerId}/tags")
    @Operation(summary = "Replace a customer's tags", operationId = "setCustomerTags")
    @ApiResponse(responseCode = "204", description = "Set.")
    public ResponseEntity<Void> tags(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                     @Valid @RequestBody TagsRequest request) {
        Caller caller = Caller.of(jwt);
        accounts.change(customerId, caller, id -> new SetCustomerTagsCommand(id, caller.platformId(), request.tags()));
        return ResponseEntity.noContent().build();
    }
}
