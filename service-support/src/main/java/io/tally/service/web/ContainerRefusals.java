package io.tally.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The refusals Tomcat makes itself are problems ({@link ProblemReportValve}), on the API's port. Ordered last, after
 * Spring Boot's own customizer, whose error report valve (added to the host as the context is prepared) this one
 * replaces; the management port's server, a child context's, keeps Tomcat's. What Spring Security's firewall
 * refuses is the same kind of problem ({@link #requestRejected}).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<ObjectMapper> objectMapper;

    /** The mapper is looked up at the first refusal, not early in the context's start, where servers are made. */
    public ContainerRefusals(ObjectProvider<ObjectMapper> objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context ->
                ProblemReportValve.install((StandardHost) context.getParent(), objectMapper::getObject));
    }

    /**
     * What Spring Security's firewall refuses ({@code //}, {@code ;}, an encoded {@code /} or {@code \\}, {@code ..})
     * never reaches the security headers' filter: the same problem as the gateway's, with the headers added here.
     */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> ProblemReportValve.answer(request, response, objectMapper.getObject(),
                HttpStatus.BAD_REQUEST, "request_rejected", "The request's path or headers are not allowed (for"
                        + " example `//`, `;`, an encoded `/`, `\\` or `.`, or a control character).");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
