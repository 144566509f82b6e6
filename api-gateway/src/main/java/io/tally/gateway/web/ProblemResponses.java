package io.tally.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The gateway's own refusals and failures as RFC 7807 problems, in the shape the services use:
 * a stable {@code type} per rule, its short {@code code}, and a sentence for people.
 */
@Component
public class ProblemResponses {

    private static final String TYPE_BASE = "https://tally.io/problems/";

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        instance(path).ifPresent(problem::setInstance);
        problem.setProperty("code", code);
        return problem;
    }

    /** The path as the problem's {@code instance}, unless there is none or it is no URI reference at all. */
    private static Optional<URI> instance(String path) {
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(path));
        } catch (URISyntaxException notAPath) {
            return Optional.empty();
        }
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem(status, code, detail, exchange.getRequest().getPath().value()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The same problem as the answer of a router function. */
    public Mono<ServerResponse> answer(ServerRequest request, HttpStatus status, String code, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem(status, code, detail, request.path()));
    }
}
