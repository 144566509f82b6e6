package io.tally.auth.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider rotates the token signing key at once (for example when a key may have leaked);
 * otherwise it rotates by itself after {@code tally.tokens.key-rotation-period}.
 */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    public record RotatedKey(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid",
                    description = "The new signing key's id, as tokens' `kid` and the JWKS name it.",
                    example = "d7f3e1a9-4b6c-4e2d-8f0a-1c3e5a7b9d2f")
            String kid) {
    }

    @PostMapping("/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate the token signing key (provider)", operationId = "rotateSigningKey")
    public RotatedKey rotate() {
        return new RotatedKey(keys.rotate());
    }
}
