package io.tally.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RFC 7807 problems with a stable type per rule and the fields at fault. */
public final class Problems {

    private static final String TYPE_BASE = "https://tally.io/problems/";

    private Problems() {
    }

    /** One field breaking one rule. */
    public record FieldError(String field, String rule, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The code of a refusal known by its status alone (a 405, a 415 of Spring MVC's; a 505 of Tomcat's): its reason
     * phrase in snake case, {@code method_not_allowed}.
     */
    public static String codeOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    public static ProblemDetail invalid(String code, List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : errors.get(0).field() + ": " + errors.get(0).message();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, code, detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "rule", e.rule(), "message", e.message()))
                .toList());
        return problem;
    }
}
