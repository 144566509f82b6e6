package io.tally.gateway.console;

import io.tally.gateway.console.ConsoleFiles.ConsoleFile;
import io.tally.gateway.route.GatewayPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The console, a single-page app, at the gateway's root: every GET outside the API, its
 * documents and the actuator is a console address. Router functions are asked before the
 * gateway's routes, which is why the API's namespaces are left out here rather than there; an
 * address the console cannot answer (a missing asset, no console at all) gets the gateway's 404
 * problem.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    /**
     * Scripts only from the gateway's own origin, never inline: a stored value that slips into the
     * page cannot run. Inline styles stay allowed because the component library sets style
     * attributes. The page may not be framed (clickjacking on the money dialogs).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Hashed names change with their content, so a browser may keep them for good. */
    static final String FINGERPRINTED = "public, max-age=31536000, immutable";
    /** The page and the unhashed files are checked on every load, so a new console is seen at once. */
    static final String REVALIDATED = "no-cache";

    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);

    @Bean
    public RouterFunction<ServerResponse> console(ConsoleSettings settings, ResourceLoader resources) {
        ConsoleFiles files = new ConsoleFiles(resources.getResource(settings.location()));
        if (files.find("/").isEmpty()) {
            log.info("No console at {}: the gateway answers the API only", settings.location());
        }
        return RouterFunctions.route(ConsoleRoutes::isConsoleAddress, request -> answer(files, request));
    }

    private static boolean isConsoleAddress(ServerRequest request) {
        HttpMethod method = request.method();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && !GatewayPaths.isNotConsole(decoded(request.path()));
    }

    private static Mono<ServerResponse> answer(ConsoleFiles files, ServerRequest request) {
        Optional<ConsoleFile> file = files.find(request.path());
        if (file.isEmpty()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        ConsoleFile found = file.get();
        return ServerResponse.ok()
                .header(HttpHeaders.CACHE_CONTROL, found.fingerprinted() ? FINGERPRINTED : REVALIDATED)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                // Invitation and verification tokens are in the page addresses.
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .contentType(found.mediaType())
                .body(BodyInserters.fromResource(found.resource()));
    }

    private static String decoded(String rawPath) {
        try {
            return UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return rawPath;
        }
    }
}
