package io.tally.auth.keys;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The public signing keys with their kid, for every service and the gateway to check tokens
 * against: the signing key and, after a rotation, the previous one until its tokens expired.
 */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    @Operation(summary = "The public signing keys (JWKS)", operationId = "getJwks")
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }
}
