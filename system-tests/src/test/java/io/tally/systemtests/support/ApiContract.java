package io.tally.systemtests.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The gateway's OpenAPI document held against what really crosses the wire: every request a
 * system test sends under {@code /api/} and every answer it gets. An answer with a status, a
 * header, a field or a type the document does not list fails the test; so does a request the
 * document calls invalid that the system accepted (the document is stricter than the system),
 * while a request the document calls invalid and the system refused (4xx) is a refusal tested
 * on purpose. A path under {@code /api/} the document does not have must be refused with 404
 * or 405, never served. Unknown fields count as undocumented: the validator reads every schema
 * without {@code additionalProperties} as closed.
 */
public final class ApiContract {

    private static final String API_PREFIX = "/api/";
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";
    private static final Set<String> REQUEST_ONLY_PREFIXES = Set.of("validation.request.");

    private final OpenApiInteractionValidator validator;
    private final AtomicLong checked = new AtomicLong();

    private ApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** The contract of one document, the OpenAPI JSON as the gateway serves it. */
    public static ApiContract of(String document) {
        return new ApiContract(document);
    }

    /** The exchange's departures from the document; empty when it keeps to it (or lies outside the API). */
    public List<String> violations(String method, URI uri, HttpHeaders requestHeaders, String requestBody,
                                   int status, HttpHeaders responseHeaders, String responseBody) {
        String path = uri.getRawPath();
        if (!path.startsWith(API_PREFIX)) {
            return List.of();
        }
        checked.incrementAndGet();
        SimpleRequest request = request(method, uri, requestHeaders, requestBody);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach(response::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        ValidationReport report = validator.validate(request, response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        String exchange = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " → " + status;
        if (errors.stream().anyMatch(m -> m.getKey().equals(PATH_MISSING) || m.getKey().equals(OPERATION_NOT_ALLOWED))) {
            return status == 404 || status == 405
                    ? List.of()
                    : List.of(exchange + ": the document has no such operation, yet it was not refused with 404 or 405");
        }
        boolean refused = status >= 400 && status < 500;
        List<String> violations = new ArrayList<>();
        for (ValidationReport.Message error : errors) {
            boolean aboutRequest = REQUEST_ONLY_PREFIXES.stream().anyMatch(error.getKey()::startsWith);
            if (aboutRequest && refused) {
                continue;
            }
            violations.add(exchange + ": " + error.getKey() + ": " + error.getMessage()
                    + (aboutRequest ? " (the document calls this request invalid, yet it was accepted)" : "")
                    + nested(error));
        }
        return violations;
    }

    /** How many exchanges under {@code /api/} have been held against the document. */
    public long checked() {
        return checked.get();
    }

    private static SimpleRequest request(String method, URI uri, HttpHeaders headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), uri.getRawPath());
        headers.map().forEach(request::withHeader);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                request.withQueryParam(name, value);
            }
        }
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String nested(ValidationReport.Message error) {
        List<ValidationReport.Message> nested = error.getNestedMessages();
        return nested.isEmpty() ? "" : nested.stream()
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("; ", " [", "]"));
    }
}
