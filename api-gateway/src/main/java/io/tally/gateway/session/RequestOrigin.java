package io.tally.gateway.session;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin a request was sent to, as the browser saw it: the scheme a TLS proxy in front
 * names in {@code X-Forwarded-Proto} (else the connection's), and the host the proxy names in
 * {@code X-Forwarded-Host} (else {@code Host}). A page of another origin cannot set these on a
 * browser's request, so comparing its {@code Origin} with them tells a cross-site request.
 */
record RequestOrigin(String scheme, String host, int port) {

    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    static RequestOrigin of(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        // A request in origin form carries no scheme of its own: the gateway listens on plain HTTP.
        String scheme = first(headers.getFirst(FORWARDED_PROTO))
                .or(() -> Optional.ofNullable(request.getURI().getScheme()))
                .orElse("http");
        String authority = first(headers.getFirst(FORWARDED_HOST))
                .or(() -> first(headers.getFirst(HttpHeaders.HOST)))
                .orElse(request.getURI().getRawAuthority());
        return parse(scheme + "://" + authority).orElse(new RequestOrigin(scheme.toLowerCase(Locale.ROOT), "", -1));
    }

    /** An {@code Origin} header's value; empty for {@code null} or anything that is not scheme://host[:port]. */
    static Optional<RequestOrigin> parse(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return Optional.of(new RequestOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (URISyntaxException notAnOrigin) {
            return Optional.empty();
        }
    }

    boolean secure() {
        return "https".equals(scheme);
    }

    private static Optional<String> first(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String first = header.split(",", 2)[0].strip();
        return first.isEmpty() ? Optional.empty() : Optional.of(first);
    }
}
