package io.tally.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * A service serves its API document, metrics and health on its management port alone: there they answer without a
 * token, while the API's port refuses them (401 without a token, 403 with one, so that no role opens them), and the
 * API itself is not on the management port.
 */
public final class ManagementPortCheck {

    /** The service's OpenAPI document, on the management port. */
    public static final String DOCUMENT = "/actuator/openapi";
    private static final List<String> MANAGEMENT_ONLY = List.of(DOCUMENT, "/actuator/prometheus", "/actuator/metrics",
            "/actuator/health", "/actuator/health/readiness");
    private static final List<String> NOWHERE_ON_THE_API = List.of("/v3/api-docs", "/swagger-ui.html", "/actuator");

    private ManagementPortCheck() {
    }

    /**
     * What answers where it should not, one line each; empty when nothing does. {@code token} is a valid token of the
     * service's most powerful caller, and {@code apiPath} an operation it may read on the API's port.
     */
    public static List<String> faults(Api management, Api api, String token, String apiPath) {
        List<String> faults = new ArrayList<>();
        for (String path : MANAGEMENT_ONLY) {
            expect(faults, management.get(path, null), 200, path + " on the management port");
            expect(faults, api.get(path, null), 401, path + " on the API's port");
            expect(faults, api.get(path, token), 403, path + " on the API's port, with a token");
        }
        for (String path : NOWHERE_ON_THE_API) {
            expect(faults, api.get(path, null), 401, path + " on the API's port");
        }
        expect(faults, api.get(apiPath, token), 200, apiPath + " on the API's port");
        expect(faults, management.get(apiPath, token), 404, apiPath + " on the management port");
        return faults;
    }

    private static void expect(List<String> faults, Api.Response answer, int status, String what) {
        if (answer.status() != status) {
            faults.add(what + ": " + answer.status() + ", expected " + status);
        }
    }
}
