package io.tally.auth.platform;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The provider creates platforms; a platform's admins are accounts (see the account slice). */
@RestController
@RequestMapping("/api/v1/platforms")
class PlatformController {

    private final Dispatcher dispatcher;

    PlatformController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Name and currency are judged by the platform itself; a missing currency means USD. */
    record PlatformRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Acme Cloud")
                           String name,
                           @Schema(description = "ISO 4217; USD when absent.", pattern = "^[A-Z]{3}$", example = "USD")
                           String currency) {
    }

    record CreatedPlatform(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid",
                    example = "0f8b2c1e-6d4a-4c3b-9a7e-2b5d8e1f4a60")
            String id) {
    }

    @PostMapping
    @Operation(summary = "Create a platform (provider)", operationId = "createPlatform")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names the platform.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The platform.",
                    schema = @Schema(type = "string", format = "uri-reference",
                            example = "/api/v1/platforms/0f8b2c1e-6d4a-4c3b-9a7e-2b5d8e1f4a60")))
    @ApiResponse(responseCode = "409", description = "`platform_name_taken`: the name is used, ignoring case.", content = @Content)
    public ResponseEntity<CreatedPlatform> create(@AuthenticationPrincipal Jwt jwt,
                                                  @RequestBody PlatformRequest request) {
        String platformId = UUID.randomUUID().toString();
        dispatcher.send(new CreatePlatformCommand(platformId, request.name(), request.currency()), Caller.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + platformId))
                .body(new CreatedPlatform(platformId));
    }
}
