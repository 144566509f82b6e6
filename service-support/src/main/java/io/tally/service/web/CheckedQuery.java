package io.tally.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every operation judges its query before a controller sees it, as the request bodies are judged ({@link StrictJson}):
 * <ul>
 *     <li>every query parameter's value, and every header an operation reads ({@code Idempotency-Key}), keeps the
 *     {@link Text} rule: a NUL, a tab, a bidi control or bytes that were not UTF-8 are a 400 naming the parameter;</li>
 *     <li>a parameter the operation does not take is {@code unknown_parameter}, so that a typo is not silently
 *     ignored. Operations that take the whole query as a map judge their names themselves
 *     ({@link QueryParameters}).</li>
 * </ul>
 * The API's operations alone ({@code /api/**}, Tally's controllers): the actuator keeps its own parameters.
 */
@Configuration(proxyBeanMethods = false)
public class CheckedQuery {

    /** The paths whose operations are judged: the API's. */
    public static final String GUARDED = "/api/";

    @Bean
    WebMvcConfigurer checkedQueryInterceptor() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new Guard()).addPathPatterns(GUARDED + "**");
            }
        };
    }

    /** The query and the read headers of one request, judged against what its operation takes. */
    static final class Guard implements HandlerInterceptor {

        private final Map<HandlerMethod, Taken> taken = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("io.tally.")) {
                return true;
            }
            Taken operation = taken.computeIfAbsent(method, Taken::of);
            String query = request.getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (!pair.isEmpty()) {
                        judge(operation, pair);
                    }
                }
            }
            for (String header : operation.headers()) {
                String value = request.getHeader(header);
                if (value != null) {
                    Text.checked(header, value);
                }
            }
            return true;
        }
    }

    /** One {@code name=value} of the query, decoded as the servlet container decodes it (UTF-8, {@code +} a space). */
    private static void judge(Taken operation, String pair) {
        int equals = pair.indexOf('=');
        String name = decoded(equals < 0 ? pair : pair.substring(0, equals), "parameter");
        Text.checked(name, name);
        if (!operation.takes(name)) {
            throw new BadRequestException(name, "unknown_parameter", "This operation has no parameter " + name + ".");
        }
        if (equals >= 0) {
            Text.checked(name, decoded(pair.substring(equals + 1), name));
        }
    }

    private static String decoded(String encoded, String field) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, "malformed_query", "The query has a broken percent-encoding.");
        }
    }

    /** The parameters and headers an operation takes; {@code anyParameter} when it takes the query as a map. */
    record Taken(Set<String> parameters, Set<String> headers, boolean anyParameter) {

        private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

        static Taken of(HandlerMethod method) {
            Set<String> parameters = new HashSet<>();
            Set<String> headers = new HashSet<>();
            boolean anyParameter = false;
            for (MethodParameter parameter : method.getMethodParameters()) {
                parameter.initParameterNameDiscovery(NAMES);
                RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
                if (query != null) {
                    if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                        anyParameter = true;
                    } else {
                        parameters.add(name(query.name(), parameter));
                    }
                }
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    headers.add(name(header.name(), parameter));
                }
            }
            return new Taken(Set.copyOf(parameters), Set.copyOf(headers), anyParameter);
        }

        boolean takes(String parameter) {
            return anyParameter || parameters.contains(parameter);
        }

        private static String name(String given, MethodParameter parameter) {
            return StringUtils.hasText(given) ? given : parameter.getParameterName();
        }
    }
}
