package io.tally.gateway.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.gateway.route.Backend;
import io.tally.gateway.session.AuthSessions.Answer;
import io.tally.gateway.web.GatewayErrors;
import io.tally.gateway.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Browser sessions for the console. The page keeps the access token in memory only; the refresh
 * token lives in an HttpOnly cookie that only these endpoints set and read, so a script injected
 * into the page can use a session while the page is open but never carry it away. Sign-in and
 * refresh go to auth-service, whose refusals reach the page unchanged.
 */
@Component
class SessionHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);
    private static final String SIGN_IN = "sign_in";
    private static final String REFRESH = "refresh";
    private static final String SIGN_OUT = "sign_out";
    private static final String BEARER = "bearer ";

    /** What auth-service answers a sign-in or a refresh with. */
    record AuthTokens(String accessToken, String tokenType, Long expiresIn, String refreshToken, Long refreshExpiresIn) {
    }

    /** What the page gets: everything but the refresh token, which stays in its cookie. */
    record SessionTokens(String accessToken, String tokenType, long expiresIn, String csrfToken) {
    }

    private final AuthSessions auth;
    private final ProblemResponses problems;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SessionHandler(AuthSessions auth, ProblemResponses problems, ObjectMapper json, MeterRegistry meters) {
        this.auth = auth;
        this.problems = problems;
        this.json = json;
        this.meters = meters;
    }

    /** {@code POST /api/v1/session}: the body goes to auth-service's sign-in as it is. */
    Mono<ServerResponse> signIn(ServerRequest request) {
        if (!CsrfCheck.sameOrigin(request)) {
            return csrfRejected(request, SIGN_IN);
        }
        request.attributes().put(GatewayErrors.SERVICE_ATTRIBUTE, Backend.AUTH.serviceName());
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new ResponseStatusException(
                        HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), tooLarge))
                .flatMap(body -> auth.login(request.exchange(), body, request.headers().contentType()))
                .flatMap(answer -> answer.status().isSameCodeAs(HttpStatus.OK)
                        ? started(request, answer, SIGN_IN)
                        : passedOn(answer, SIGN_IN, List.of()))
                .doOnError(failure -> count(SIGN_IN, "failed"));
    }

    /** {@code POST /api/v1/session/refresh}: a new access token for the session cookie, which is replaced. */
    Mono<ServerResponse> refresh(ServerRequest request) {
        if (!CsrfCheck.passes(request)) {
            return csrfRejected(request, REFRESH);
        }
        HttpCookie session = request.cookies().getFirst(SessionCookies.SESSION);
        if (session == null || session.getValue().isEmpty()) {
            count(REFRESH, "no_session");
            return problems.answer(request, HttpStatus.UNAUTHORIZED, "no_session", "No session: sign in.");
        }
        request.attributes().put(GatewayErrors.SERVICE_ATTRIBUTE, Backend.AUTH.serviceName());
        boolean secure = RequestOrigin.of(request.exchange().getRequest()).secure();
        return auth.refresh(request.exchange(), session.getValue())
                .flatMap(answer -> {
                    if (answer.status().isSameCodeAs(HttpStatus.OK)) {
                        return started(request, answer, REFRESH);
                    }
                    // The refresh token will never work again: the page must not keep sending it.
                    boolean dead = answer.status().isSameCodeAs(HttpStatus.UNAUTHORIZED)
                            || answer.status().isSameCodeAs(HttpStatus.BAD_REQUEST);
                    return passedOn(answer, REFRESH, dead ? SessionCookies.cleared(secure) : List.of());
                })
                .doOnError(failure -> count(REFRESH, "failed"));
    }

    /**
     * {@code DELETE /api/v1/session}: with the access token, every session of the account ends at
     * auth-service; either way the cookies go. The page is signed out even when auth-service
     * refuses the token (it has ended already) or cannot be reached: the refresh token leaves the
     * browser with its cookie.
     */
    Mono<ServerResponse> signOut(ServerRequest request) {
        if (!CsrfCheck.passes(request)) {
            return csrfRejected(request, SIGN_OUT);
        }
        Optional<String> authorization = Optional.ofNullable(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BEARER));
        Mono<String> outcome = authorization
                .map(bearer -> auth.logout(request.exchange(), bearer)
                        .map(answer -> answer.status().is2xxSuccessful() ? "success"
                                : answer.status().is4xxClientError() ? "logout_refused" : "logout_failed")
                        .onErrorResume(failure -> {
                            log.warn("Sign-out could not end the sessions at auth-service: {}", failure.toString());
                            return Mono.just("logout_failed");
                        }))
                .orElse(Mono.just("success"));
        boolean secure = RequestOrigin.of(request.exchange().getRequest()).secure();
        return outcome.flatMap(result -> {
            count(SIGN_OUT, result);
            ServerResponse.HeadersBuilder<?> response = ServerResponse.noContent();
            SessionCookies.cleared(secure).forEach(response::cookie);
            return response.build();
        });
    }

    /** {@code GET /api/v1/session}: who the (already checked) access token names; polled to notice a revocation. */
    Mono<ServerResponse> current(ServerRequest request) {
        return request.principal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> SessionView.of(((JwtAuthenticationToken) principal).getToken()))
                .flatMap(view -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(view))
                .switchIfEmpty(Mono.defer(() -> problems.answer(request, HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "A valid bearer token is required.")));
    }

    private Mono<ServerResponse> started(ServerRequest request, Answer answer, String operation) {
        AuthTokens tokens;
        try {
            tokens = json.readValue(answer.body(), AuthTokens.class);
        } catch (IOException unreadable) {
            return Mono.error(new IllegalStateException("auth-service answered a session in an unknown shape", unreadable));
        }
        if (tokens.accessToken() == null || tokens.refreshToken() == null || tokens.expiresIn() == null
                || tokens.refreshExpiresIn() == null) {
            return Mono.error(new IllegalStateException("auth-service answered a session without its tokens"));
        }
        String csrfToken = SessionCookies.newCsrfToken();
        List<ResponseCookie> cookies = SessionCookies.issued(tokens.refreshToken(), csrfToken,
                Duration.ofSeconds(tokens.refreshExpiresIn()), RequestOrigin.of(request.exchange().getRequest()).secure());
        count(operation, "success");
        ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON);
        cookies.forEach(response::cookie);
        return response.bodyValue(new SessionTokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(),
                csrfToken));
    }

    /** auth-service's refusal as it gave it: status, problem, {@code Retry-After}. */
    private Mono<ServerResponse> passedOn(Answer answer, String operation, List<ResponseCookie> cookies) {
        count(operation, "refused");
        ServerResponse.BodyBuilder response = ServerResponse.status(answer.status())
                .headers(headers -> {
                    for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER}) {
                        List<String> values = answer.headers().get(name);
                        if (values != null) {
                            headers.put(name, values);
                        }
                    }
                });
        cookies.forEach(response::cookie);
        return answer.body().length == 0 ? response.build() : response.bodyValue(answer.body());
    }

    private Mono<ServerResponse> csrfRejected(ServerRequest request, String operation) {
        count(operation, "csrf_rejected");
        return problems.answer(request, HttpStatus.FORBIDDEN, "csrf_rejected",
                "This request did not come from the console's own page: reload it and try again.");
    }

    private void count(String operation, String outcome) {
        Counter.builder("tally.gateway.sessions")
                .description("The console's sign-ins, refreshes and sign-outs at the gateway, by outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
