package io.tally.service.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * No JSON {@code null} in a request body: a field a client has no value for is left out, and a body that may be left
 * out (an invitation with every setting at its default) is left out rather than sent as {@code null}. A null field or
 * element is {@code validation_failed} naming it (rule {@code not_null}); a null body is {@code body_not_object}.
 * The body, at most 64 KiB ({@link BodySizeLimit}), is scanned as tokens before it is read; what does not parse is
 * left for the reader to refuse in its own words.
 */
@RestControllerAdvice
public class NoNullsInBodies extends RequestBodyAdviceAdapter {

    private static final JsonFactory TOKENS = new JsonFactory();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        firstNull(body).ifPresent(field -> {
            throw new NullRefused(field, input);
        });
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Where the first {@code null} is, as a field error names it ({@code billingInfo.address.city}, {@code tags[1]}). */
    static Optional<String> firstNull(byte[] body) {
        try (JsonParser parser = TOKENS.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    return Optional.of(field(parser.getParsingContext().pathAsPointer()));
                }
            }
        } catch (JsonProcessingException notJson) {
            // the reader refuses it with the rule that fits
        } catch (IOException e) {
            throw new IllegalStateException("Reading a request held in memory failed", e);
        }
        return Optional.empty();
    }

    private static String field(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                field.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return field.toString();
    }

    /** A {@code null} in a request body, at {@code field}; the empty field is the whole body. */
    static final class NullRefused extends HttpMessageNotReadableException {

        private final String field;

        NullRefused(String field, HttpInputMessage input) {
            super("The request body has null at '" + field + "'", input);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
