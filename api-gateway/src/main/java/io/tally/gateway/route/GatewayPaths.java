package io.tally.gateway.route;

import java.util.List;

/**
 * The paths the gateway knows by name besides {@link RouteTable}'s: those it answers itself
 * (sessions, the API document, the event schemas, actuator) and the namespaces the console's page addresses must
 * never shadow. Security, rate limits and the console all read them here.
 */
public final class GatewayPaths {

    public static final String API = "/api/v1";
    /** Sign-in, the current session and sign-out; the refresh cookie is sent to these paths only. */
    public static final String SESSION = API + "/session";
    public static final String SESSION_REFRESH = SESSION + "/refresh";
    public static final String DOCS = "/docs";
    public static final String API_DOCS = "/v3/api-docs";
    public static final String WEBJARS = "/webjars";
    public static final String ACTUATOR = "/actuator";
    public static final String WELL_KNOWN = "/.well-known";
    /** The published events' JSON Schemas, each at the path of its {@code $id}. */
    public static final String SCHEMAS = "/schemas";

    /** Whole namespaces that are not the console's, an unknown path in them included. */
    private static final List<String> NOT_CONSOLE = List.of("/api", DOCS, WEBJARS, ACTUATOR, WELL_KNOWN, SCHEMAS);

    private GatewayPaths() {
    }

    public static boolean isSession(String path) {
        return path.equals(SESSION) || path.equals(SESSION_REFRESH);
    }

    /**
     * Whether a (decoded) path belongs to the API, its documents or the actuator rather than to
     * the console; springdoc also answers {@code /v3/api-docs.yaml}, hence the plain prefix.
     */
    public static boolean isNotConsole(String path) {
        return path.startsWith(API_DOCS)
                || NOT_CONSOLE.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }
}
