package io.tally.auth.web;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public signing keys with their kid, for every service and the gateway to check tokens against. */
@RestController
public class JwksController {

    private final Map<String, Object> publicKeys;

    public JwksController(JWKSet publicKeys) {
        this.publicKeys = publicKeys.toJSONObject(true);
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    public Map<String, Object> jwks() {
        return publicKeys;
    }
}
