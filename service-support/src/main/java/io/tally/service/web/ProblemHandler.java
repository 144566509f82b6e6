package io.tally.service.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tally.service.web.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Maps every refusal to an RFC 7807 problem naming the field and the rule. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** Jackson's words for a key given twice (strict duplicate detection). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']{1,200})'");

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A write's outcome is not known: its connection broke, possibly after the server committed it. */
    public static final String OUTCOME_UNKNOWN = "outcome_unknown";
    /** The database could not be reached, or a read's connection broke: nothing was done. */
    public static final String DATABASE_UNAVAILABLE = "database_unavailable";
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = e.field() == null
                ? Problems.of(status, e.code(), e.getMessage())
                : withStatus(Problems.invalid(e.code(), List.of(new FieldError(e.field(), e.code(), e.getMessage()))),
                status);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(BadRequestException.class)
    public ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(e.rule(), List.of(new FieldError(e.field(), e.rule(), e.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(Problems.invalid("invalid_parameter",
                List.of(new FieldError(e.getName(), "type", "Expected a " + expected + "."))));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailure(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain);
        }
        return unexpected(e, request);
    }

    /**
     * Anything else is our fault: a 500 problem that reveals nothing, and the cause in the log under
     * the correlation id the problem gives the client, so that the one leads to the other. Unless the
     * database went away ({@link DatabaseFailure}): then a 503 with {@code Retry-After} that claims no more
     * than is known.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String correlationId = RequestContext.correlationId();
        Optional<DatabaseFailure> database = DatabaseFailure.of(e);
        if (database.isPresent()) {
            return databaseFailure(database.get(), e, request, correlationId);
        }
        log.error("Request failed (correlation id {})", correlationId, e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error", "The request could not be completed; nothing was changed. Correlation id: "
                        + correlationId));
    }

    /**
     * The database went away. Nothing was done if it was never reached, and a read did nothing either way; but a write
     * whose connection broke may have been committed by the server before the break ({@code outcome_unknown}): the
     * answer says so, rather than claiming a failure that may not have happened.
     */
    private ResponseEntity<ProblemDetail> databaseFailure(DatabaseFailure failure, Exception e,
                                                          HttpServletRequest request, String correlationId) {
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        ProblemDetail problem;
        if (failure == DatabaseFailure.CONNECTION_LOST && !read) {
            log.warn("The database connection was lost during a {} (correlation id {}): outcome unknown; {}",
                    request.getMethod(), correlationId, e.toString());
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, OUTCOME_UNKNOWN, "The database connection was lost "
                    + "while the change was being made: it may or may not have taken effect. Send it again with the "
                    + "same Idempotency-Key where the operation takes one (the answer is then the first result); "
                    + "otherwise read the resource before repeating it. Correlation id: " + correlationId);
        } else {
            log.warn("The database could not be reached (correlation id {}): {}", correlationId, e.toString());
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, "The service cannot reach its "
                    + "database now; nothing was changed. Try again shortly. Correlation id: " + correlationId);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), rule(error.getCode()), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("validation_failed", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                rule(error.getCodes() == null ? null : error.getCodes()[error.getCodes().length - 1]),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("validation_failed", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e instanceof NoNullsInBodies.NullRefused nulled) {
            return nulled.field().isEmpty()
                    ? ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "body_not_object",
                    "The request body must be a JSON object; leave the body out instead of sending null."))
                    : ResponseEntity.badRequest().body(Problems.invalid("validation_failed", List.of(new FieldError(
                    nulled.field(), "not_null", "must not be null; leave out a field that has no value."))));
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return body(path(unknown), "unknown_field", "This field is not part of the request.");
        }
        if (cause instanceof StrictJson.TextRefused refused) {
            String field = path(refused);
            String rule = refused.fault().rule();
            return ResponseEntity.badRequest().body(Problems.invalid(rule,
                    List.of(new FieldError(field, rule, refused.fault().words()))));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return body(path(format), "one_of", "Must be one of: " + allowed + ".");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return body(path(mapping), "type", "This field has the wrong type.");
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                return body(duplicate.group(1), "duplicate_field", "This field is given more than once.");
            }
        }
        if (cause instanceof JsonProcessingException) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_json",
                    "The request body is not valid JSON."));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "missing_body",
                "The request needs a JSON body."));
    }

    /**
     * The refusals Spring MVC makes itself (a wrong method or media type, a missing parameter, an unknown path) are
     * problems like every other: a {@code code} and a type of Tally's, and the words of the rule; never a bare
     * {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            HttpStatus known = HttpStatus.resolve(answer.getStatusCode().value());
            if (known != null) {
                return new ResponseEntity<>(coded(e, known, problem), answer.getHeaders(), answer.getStatusCode());
            }
        }
        return answer;
    }

    private static ProblemDetail coded(Exception e, HttpStatus status, ProblemDetail problem) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return missing(missing.getParameterName());
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return missing(missing.getHeaderName());
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return Problems.of(status, "unsupported_media_type", "The request body must be sent as application/json.");
        }
        return Problems.of(status, Problems.codeOf(status),
                problem.getDetail() == null ? status.getReasonPhrase() : problem.getDetail());
    }

    private static ProblemDetail missing(String name) {
        return Problems.invalid("missing_parameter", List.of(new FieldError(name, "required", name + " is required.")));
    }

    private static ResponseEntity<Object> body(String field, String rule, String message) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid("malformed_request", List.of(new FieldError(field, rule, message))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code NotBlank} becomes {@code not_blank}. */
    static String rule(String constraintCode) {
        if (constraintCode == null) {
            return "invalid";
        }
        return constraintCode.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ProblemDetail withStatus(ProblemDetail problem, HttpStatus status) {
        problem.setStatus(status.value());
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
