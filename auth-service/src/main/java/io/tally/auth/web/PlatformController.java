package io.tally.auth.web;

import io.tally.auth.command.AccountRole;
import io.tally.auth.command.Commands.CreateAccountCommand;
import io.tally.auth.command.Commands.CreatePlatformCommand;
import io.tally.auth.command.GeneratedPasswords;
import io.tally.auth.command.Rejections.PlatformNotFoundException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The provider's administration of platforms: create one, give it admins. */
@RestController
@RequestMapping("/api/v1/platforms")
public class PlatformController {

    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;

    public PlatformController(Dispatcher dispatcher, PasswordEncoder passwordEncoder) {
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
    }

    /** Name and currency are judged by the platform itself; a missing currency means USD. */
    public record PlatformRequest(String name, String currency) {
    }

    public record CreatedPlatform(String id) {
    }

    public record AdminRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** The generated password, shown in this answer only: the service keeps its hash alone. */
    public record CreatedAdmin(String id, String email, String password) {
    }

    @PostMapping
    public ResponseEntity<CreatedPlatform> create(@AuthenticationPrincipal Jwt jwt,
                                                  @RequestBody PlatformRequest request) {
        String platformId = UUID.randomUUID().toString();
        dispatcher.send(new CreatePlatformCommand(platformId, request.name(), request.currency()), Caller.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + platformId))
                .body(new CreatedPlatform(platformId));
    }

    @PostMapping("/{platformId}/admins")
    public ResponseEntity<CreatedAdmin> createAdmin(@AuthenticationPrincipal Jwt jwt, @PathVariable String platformId,
                                                    @Valid @RequestBody AdminRequest request) {
        String platform = canonicalUuid(platformId);
        String adminId = UUID.randomUUID().toString();
        String email = request.email().strip();
        String password = GeneratedPasswords.next();
        dispatcher.send(new CreateAccountCommand(adminId, AccountRole.PLATFORM_ADMIN, platform, email,
                passwordEncoder.encode(password)), Caller.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + platform + "/admins/" + adminId))
                .body(new CreatedAdmin(adminId, email, password));
    }

    private static String canonicalUuid(String platformId) {
        try {
            return UUID.fromString(platformId).toString();
        } catch (IllegalArgumentException malformed) {
            throw new PlatformNotFoundException(platformId);
        }
    }
}
