package io.tally.service.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tally.service.web.CheckedQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules every service's OpenAPI document follows, whatever its controllers say:
 * <ul>
 *     <li>the {@code Problem} schema (RFC 7807 with {@code code} and {@code errors[]}) as the
 *     {@code application/problem+json} answer of every 4xx and 5xx status;</li>
 *     <li>the statuses every operation can give: 400 when it takes input and on every operation of
 *     the API, which refuses an unknown query parameter ({@link CheckedQuery}), 415 when it takes a
 *     body, 401 and
 *     403 when it needs a token, 404 when its path names a resource, 429 (the gateway's rate
 *     limit, with {@code Retry-After}), 500, 503 (with {@code Retry-After}: tokens not checkable yet, the
 *     database unreachable, or a write's outcome unknown); the controllers add the rest ({@code @ApiResponse});</li>
 *     <li>{@code bearerAuth} (an RS256 JWT) on every operation except the public ones;</li>
 *     <li>{@code application/json} instead of springdoc's {@code *}{@code /*};</li>
 *     <li>on every operation that takes an {@code Idempotency-Key}: the header required (1–255
 *     characters), the 422 of a key reused with another body, and {@code Idempotent-Replayed} on its
 *     answer.</li>
 * </ul>
 */
public final class ApiDocumentRules {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    public static final String BEARER_AUTH = "bearerAuth";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String ANY = "*/*";
    private static final String CSV = "text/csv";
    private static final String STREAMING_BODY = "StreamingResponseBody";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String RETRY_AFTER = "Retry-After";
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/v1/public/");
    private static final List<String> PUBLIC_PATHS =
            List.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/.well-known/jwks.json");
    private static final Map<String, String> REASONS = Map.of(
            "400", "The request breaks a rule (see `code` and `errors`): a field, a query parameter (an unknown one"
                    + " too) or a header.",
            "401", "No valid bearer token.",
            "403", "The token's role may not use this operation.",
            "404", "Not found, or not on the caller's platform.",
            "409", "The request conflicts with the current state (see `code`).",
            "415", "`unsupported_media_type`: the body is not `application/json`.",
            "422", "The Idempotency-Key was used before with another request.",
            "429", "Too many requests; `Retry-After` says when to try again.",
            "500", "An unexpected failure.",
            "503", "Not now; `Retry-After` says when to try again. `service_unavailable`: the service is not answering,"
                    + " or tokens cannot be checked yet; nothing was done. `database_unavailable`: the service cannot"
                    + " reach its database; nothing was done. `outcome_unknown` (a write): the database connection was"
                    + " lost while the change was made, and it may or may not have taken effect: send it again with the"
                    + " same Idempotency-Key where the operation takes one (the answer is then the first result),"
                    + " otherwise read the resource before repeating it.");

    private ApiDocumentRules() {
    }

    /** Whether an operation on this path is called without a token. */
    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    public static void apply(OpenAPI document) {
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.setComponents(components);
        components.addSchemas(FIELD_ERROR, fieldError());
        components.addSchemas(PROBLEM, problem());
        components.addSecuritySchemes(BEARER_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token from `POST /api/v1/auth/login` (or the console's session)."));
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operation(path, operation)));
        if (components.getSchemas() != null) {
            components.getSchemas().remove(STREAMING_BODY);
        }
    }

    private static void operation(String path, Operation operation) {
        boolean open = isPublic(path);
        operation.setSecurity(open ? new ArrayList<>() : List.of(new SecurityRequirement().addList(BEARER_AUTH)));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn())));
        if (takesInput || path.startsWith(CheckedQuery.GUARDED)) {
            responses.putIfAbsent("400", new ApiResponse());
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("415", new ApiResponse());
        }
        if (!open) {
            responses.putIfAbsent("401", new ApiResponse());
            responses.putIfAbsent("403", new ApiResponse());
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        responses.putIfAbsent("429", new ApiResponse());
        responses.putIfAbsent("500", new ApiResponse());
        responses.putIfAbsent("503", new ApiResponse());
        idempotencyKey(operation).ifPresent(key -> keyed(key, responses));
        Map<String, ApiResponse> ordered = new TreeMap<>(responses);
        responses.clear();
        ordered.forEach((status, response) -> responses.addApiResponse(status, response(status, response)));
        if (operation.getRequestBody() != null) {
            concrete(operation.getRequestBody().getContent());
        }
    }

    private static Optional<Parameter> idempotencyKey(Operation operation) {
        return operation.getParameters() == null ? Optional.empty() : operation.getParameters().stream()
                .filter(parameter -> "header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equals(parameter.getName()))
                .findFirst();
    }

    /** A write that takes an Idempotency-Key: it needs one, and a retry answers the first result. */
    private static void keyed(Parameter key, ApiResponses responses) {
        key.required(true)
                .description("One key per change: a retry with the same key and body answers the first result.")
                .schema(new StringSchema().minLength(1).maxLength(255));
        responses.putIfAbsent("422", new ApiResponse()
                .description("`idempotency_key_reused`: the key came with another body."));
        ApiResponse answer = responses.get("200");
        if (answer != null && (answer.getHeaders() == null || !answer.getHeaders().containsKey(REPLAYED))) {
            answer.addHeaderObject(REPLAYED, new Header().description("`true` when this answers a retry.")
                    .style(Header.StyleEnum.SIMPLE).schema(new BooleanSchema()));
        }
    }

    private static ApiResponse response(String status, ApiResponse response) {
        if (status.startsWith("4") || status.startsWith("5")) {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(REASONS.getOrDefault(status, "A refusal (see `code`)."));
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (("429".equals(status) || "503".equals(status))
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER))) {
                response.addHeaderObject(RETRY_AFTER, new Header().description("Seconds to wait before trying again.")
                        .style(Header.StyleEnum.SIMPLE).schema(new IntegerSchema().minimum(BigDecimal.ONE)));
            }
        } else {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription("OK");
            }
            concrete(response.getContent());
        }
        return response;
    }

    /**
     * springdoc's {@code *}{@code /*} becomes {@code application/json} (an export names {@code text/csv}
     * itself, and its body is text rather than the streaming body's Java type).
     */
    private static void concrete(Content content) {
        if (content == null) {
            return;
        }
        if (content.containsKey(ANY)) {
            MediaType any = content.remove(ANY);
            content.putIfAbsent(JSON, any);
        }
        if (content.containsKey(CSV)) {
            content.get(CSV).setSchema(new StringSchema().description("CSV with a header row, UTF-8, CRLF line ends."));
        }
    }

    @SuppressWarnings("rawtypes") // the model's own signature
    private static Schema<?> fieldError() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("The field at fault, as named in the request.")
                .example("email"));
        properties.put("rule", new StringSchema().description("The rule it breaks.").example("email"));
        properties.put("message", new StringSchema().description("The rule in words.")
                .example("must be a well-formed email address"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("field", "rule", "message"));
        return schema;
    }

    @SuppressWarnings("rawtypes") // the model's own signature
    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("The rule's stable identifier.")
                .example("https://tally.io/problems/validation-failed"));
        properties.put("title", new StringSchema().description("The status's reason phrase.").example("Bad Request"));
        properties.put("status", new IntegerSchema().description("The HTTP status.").example(400));
        properties.put("detail", new StringSchema().description("What went wrong, in words.")
                .example("email: must be a well-formed email address"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request's path."));
        properties.put("code", new StringSchema().description("The rule, for programs to branch on.")
                .example("validation_failed"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("The fields at fault, for a refused request body or query."));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status"));
        schema.setDescription("An RFC 7807 problem: every refusal of the API.");
        return schema;
    }
}
