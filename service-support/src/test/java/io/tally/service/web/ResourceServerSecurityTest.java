package io.tally.service.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.tokens.AccessTokenRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.context.WebApplicationContext;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused bearer token answers a problem that says why: ended, not checkable yet, or just not valid; and only what
 * arrives on the management port passes to the actuator without a token.
 */
class ResourceServerSecurityTest {

    /** As the services' mapper writes a problem: its properties at the top level. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    private MockHttpServletResponse refused(String... errorCodes) throws Exception {
        List<OAuth2Error> errors = Arrays.stream(errorCodes).map(OAuth2Error::new).toList();
        MockHttpServletResponse response = new MockHttpServletResponse();
        ResourceServerSecurity.refused(response, json, new InvalidBearerTokenException("refused",
                new JwtValidationException("refused", errors)));
        return response;
    }

    private JsonNode problem(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return json.readTree(response.getContentAsString());
    }

    @Test
    void aTokenWhoseSessionsEndedIsTheGatewaysSessionEnded() throws Exception {
        MockHttpServletResponse response = refused(AccessTokenRules.REVOKED);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(problem(response).get("code").asText()).isEqualTo("session_ended");
    }

    @Test
    void aTokenThatCannotBeCheckedYetIsA503ToRetry() throws Exception {
        MockHttpServletResponse response = refused(AccessTokenRules.REVOCATIONS_UNKNOWN);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(problem(response).get("code").asText()).isEqualTo("service_unavailable");
    }

    @Test
    void anyOtherRefusalIsUnauthenticated() throws Exception {
        MockHttpServletResponse response = refused("invalid_token");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(problem(response).get("code").asText()).isEqualTo("unauthenticated");

        MockHttpServletResponse noToken = new MockHttpServletResponse();
        ResourceServerSecurity.refused(noToken, json, new InsufficientAuthenticationException("no token"));
        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(problem(noToken).get("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void onlyWhatArrivesAtTheManagementServerIsOnTheManagementPort() {
        assertThat(ResourceServerSecurity.onManagementPort(arrivingAt("management"))).isTrue();

        assertThat(ResourceServerSecurity.onManagementPort(arrivingAt(null))).as("the API's own server").isFalse();
        assertThat(ResourceServerSecurity.onManagementPort(arrivingAt("another"))).isFalse();
        assertThat(ResourceServerSecurity.onManagementPort(new MockHttpServletRequest(new MockServletContext())))
                .as("no application context at all").isFalse();
    }

    /** A request to the web server of the application context with this server namespace. */
    private static MockHttpServletRequest arrivingAt(String serverNamespace) {
        AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
        context.setServerNamespace(serverNamespace);
        MockServletContext servletContext = new MockServletContext();
        servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        return new MockHttpServletRequest(servletContext, "GET", "/actuator/prometheus");
    }
}
