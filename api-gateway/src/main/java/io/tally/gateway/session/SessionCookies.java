package io.tally.gateway.session;

import io.tally.gateway.route.GatewayPaths;
import org.springframework.http.ResponseCookie;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The two cookies of a console session. {@code tally_session} holds the refresh token:
 * HttpOnly, so that no page script (a stored XSS included) can read it, and sent to the session
 * endpoints only. {@code tally_csrf} holds a random token the page reads and sends back in
 * {@code X-CSRF-Token} (see {@link CsrfCheck}). Both are SameSite=Strict, Secure when the
 * gateway was reached over https, and live as long as the refresh token.
 */
final class SessionCookies {

    static final String SESSION = "tally_session";
    static final String CSRF = "tally_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionCookies() {
    }

    /** 32 random bytes, base64url: a new one with every refresh token. */
    static String newCsrfToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static List<ResponseCookie> issued(String refreshToken, String csrfToken, Duration lifetime, boolean secure) {
        return List.of(session(refreshToken, lifetime, secure), csrf(csrfToken, lifetime, secure));
    }

    /** Both cookies gone: same names and paths, no value, no lifetime. */
    static List<ResponseCookie> cleared(boolean secure) {
        return List.of(session("", Duration.ZERO, secure), csrf("", Duration.ZERO, secure));
    }

    private static ResponseCookie session(String refreshToken, Duration lifetime, boolean secure) {
        return ResponseCookie.from(SESSION, refreshToken).path(GatewayPaths.SESSION).httpOnly(true)
                .sameSite("Strict").secure(secure).maxAge(lifetime).build();
    }

    /** Readable by the page, which must repeat it; sent everywhere, since it grants nothing on its own. */
    private static ResponseCookie csrf(String csrfToken, Duration lifetime, boolean secure) {
        return ResponseCookie.from(CSRF, csrfToken).path("/").httpOnly(false)
                .sameSite("Strict").secure(secure).maxAge(lifetime).build();
    }
}
