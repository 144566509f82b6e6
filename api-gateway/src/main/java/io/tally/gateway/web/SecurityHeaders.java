package io.tally.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer of the gateway carries, as Spring Security's defaults write them on the
 * answers that pass through it; written by hand on the refusals that come before it (a request the
 * firewall or the HTTP decoder refuses), so that those answers are no barer than the rest.
 */
final class SecurityHeaders {

    static final Map<String, String> ALL;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "0");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-XSS-Protection", "0");
        headers.put("Referrer-Policy", "no-referrer");
        ALL = Map.copyOf(headers);
    }

    private SecurityHeaders() {
    }
}
