package io.tally.auth.account;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.account.PlatformAdmins.NewAdmin;
import io.tally.service.web.Caller;
import io.tally.service.web.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
    record CreatedAdmin(String id, String email, String password) {
    }

    @PostMapping
    @Operation(summary = "Create a platform admin (provider)", operationId = "createPlatformAdmin")
    @ApiResponse(responseCode = "201", description = "The admin with a generated password, shown once.")
    @ApiResponse(responseCode = "409", description = "`username_taken`.", content = @Content)
    public ResponseEntity<CreatedAdmin> createAdmin(@AuthenticationPrincipal Jwt jwt, @PathVariable String platformId,
                                                    @Valid @RequestBody AdminRequest request) {
        NewAdmin admin = admins.create(Caller.of(jwt), platformId, request.email());
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + admin.platformId() + "/admins/"
                        + admin.adminId()))
                .body(new CreatedAdmin(admin.adminId(), admin.email(), admin.password()));
    }
}
