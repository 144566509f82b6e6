package io.tally.auth.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "200", description = "A JSON Web Key Set (RFC 7517).", content = @Content(
            mediaType = "application/json",
            schema = @Schema(type = "object", requiredProperties = "keys"),
            schemaProperties = @SchemaProperty(name = "keys", array = @ArraySchema(
                    arraySchema = @Schema(description = "The signing key and, after a rotation, the previous one"
                            + " until its tokens expired."),
                    schema = @Schema(type = "object",
                            description = "An RSA public key: `kty` RSA, `use` sig, `alg` RS256, `kid`, `e`, `n`.",
                            example = "{\"kty\": \"RSA\", \"e\": \"AQAB\", \"use\": \"sig\", \"alg\": \"RS256\","
                                    + " \"kid\": \"d7f3e1a9-4b6c-4e2d-8f0a-1c3e5a7b9d2f\", \"n\": \""
                                    + "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhD"
                                    + "R1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6C"
                                    + "f0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1"
                                    + "n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1"
                                    + "jF44-csFCur-kEgU8awapJzKnqDKgw"
                                    + "\"}")))))
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }
}
