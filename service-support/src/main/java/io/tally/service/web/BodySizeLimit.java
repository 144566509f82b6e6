package io.tally.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** No request body of this API comes near 64 KiB: a larger one is refused (413) before it is read. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper objectMapper;

    public BodySizeLimit(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ResourceServerSecurity.write(response, objectMapper, HttpStatus.PAYLOAD_TOO_LARGE, "body_too_large",
                    "A request body has at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }
}
