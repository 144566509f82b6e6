package io.tally.auth.account;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.account.PlatformAdmins.NewAdmin;
import io.tally.service.web.Caller;
import io.tally.service.web.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The provider gives a platform its admins: each an account, so this route lives with the accounts. */
@RestController
@RequestMapping("/api/v1/platforms/{platformId}/admins")
class PlatformAdminController {

    private final PlatformAdmins admins;

    PlatformAdminController(PlatformAdmins admins) {
        this.admins = admins;
    }

    record AdminRequest(@NotBlank @Email(regexp = EmailAddress.PATTERN) @Size(max = EmailAddress.MAX_LENGTH)
                        String email) {
    }

    /** The generated password, shown in this answer only: the service keeps its hash alone. */
    record CreatedAdmin(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid", description = "The admin's account id.",
                    example = "5b1e0c3a-2f4d-4a8e-b6c7-9d0e1f2a3b4c")
            String id,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "The username: the email sent, without surrounding spaces.",
                    example = "admin@acme.example")
            String email,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-HJ-NP-Za-km-z2-9]{20}$",
                    description = "20 characters without look-alikes.", example = "Xk7mPq4RtV9wZc3NhJ2d")
            String password) {
    }

    @PostMapping
    @Operation(summary = "Create a platform admin (provider)", operationId = "createPlatformAdmin")
    @ApiResponse(responseCode = "201", description = "The admin with a generated password, shown once.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The admin.",
                    schema = @Schema(type = "string", format = "uri-reference", example = "/api/v1/platforms/"
                            + "0f8b2c1e-6d4a-4c3b-9a7e-2b5d8e1f4a60/admins/5b1e0c3a-2f4d-4a8e-b6c7-9d0e1f2a3b4c")))
    @ApiResponse(responseCode = "409", description = "`username_taken`.", content = @Content)
    public ResponseEntity<CreatedAdmin> createAdmin(@AuthenticationPrincipal Jwt jwt, @PathVariable String platformId,
                                                    @Valid @RequestBody AdminRequest request) {
        NewAdmin admin = admins.create(Caller.of(jwt), platformId, request.email());
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + admin.platformId() + "/admins/"
                        + admin.adminId()))
                .body(new CreatedAdmin(admin.adminId(), admin.email(), admin.password()));
    }
}
