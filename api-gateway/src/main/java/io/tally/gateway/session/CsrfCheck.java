package io.tally.gateway.session;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Tells the console's own requests from forged ones. A page of another site can make the browser
 * send the session cookies, but cannot read the {@code tally_csrf} cookie to repeat it in the
 * {@code X-CSRF-Token} header (a double-submit token), nor send an {@code Origin} other than its
 * own. SameSite=Strict cookies already stop most of this; the checks hold where a browser or a
 * sibling subdomain does not.
 */
final class CsrfCheck {

    static final String HEADER = "X-CSRF-Token";

    private CsrfCheck() {
    }

    /** For the calls the session cookie authenticates (refresh, sign-out): the token and the origin. */
    static boolean passes(ServerRequest request) {
        Optional<String> sent = request.headers().header(HEADER).stream().findFirst();
        HttpCookie cookie = request.cookies().getFirst(SessionCookies.CSRF);
        return sent.isPresent() && cookie != null && !cookie.getValue().isEmpty()
                && MessageDigest.isEqual(sent.get().getBytes(StandardCharsets.UTF_8),
                        cookie.getValue().getBytes(StandardCharsets.UTF_8))
                && sameOrigin(request);
    }

    /** A request without {@code Origin} is no browser's cross-site request; one with it must name this gateway. */
    static boolean sameOrigin(ServerRequest request) {
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        return origin == null || RequestOrigin.parse(origin)
                .filter(RequestOrigin.of(request.exchange().getRequest())::equals)
                .isPresent();
    }
}
