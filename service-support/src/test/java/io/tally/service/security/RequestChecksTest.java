package io.tally.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' firewall and bearer token resolver decide every request as Spring Security's defaults would: the same
 * headers refused, the same tokens read, the same headers malformed.
 */
class RequestChecksTest {

    private final RequestChecks checks = new RequestChecks();
    private final HttpFirewall firewall = checks.httpFirewall();
    private final HttpFirewall springsFirewall = new StrictHttpFirewall();
    private final BearerTokenResolver resolver = checks.bearerTokenResolver();
    private final BearerTokenResolver springsResolver = new DefaultBearerTokenResolver();

    @Test
    void theFirewallRefusesTheHeadersSpringsRefuses() {
        Random random = new Random(20261206);
        List<String> values = List.of("Bearer abc.def", "café", "a\tb", "a\u0085b", "a\u007Fb", "\u0378", "a\rb",
                "\uD83D\uDE00", "\uD800", "", "x\u0000");
        for (String value : values) {
            assertThat(headerOutcome(firewall, "X-Value", value)).as(value)
                    .isEqualTo(headerOutcome(springsFirewall, "X-Value", value));
            assertThat(headerOutcome(firewall, "X" + value, "v")).as("name " + value)
                    .isEqualTo(headerOutcome(springsFirewall, "X" + value, "v"));
        }
        for (int round = 0; round < 2_000; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                value.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x300) : ' ' + random.nextInt(95));
            }
            String sample = value.toString();
            assertThat(headerOutcome(firewall, "X-Value", sample)).as(sample)
                    .isEqualTo(headerOutcome(springsFirewall, "X-Value", sample));
        }
        assertThat(headerOutcome(firewall, "X-Value", "a\u0085b")).isEqualTo("refused");
        assertThat(headerOutcome(firewall, "X-Value", "a\tb")).isEqualTo("a\tb");
    }

    @Test
    void theFirewallRefusesTheParameterNamesSpringsRefuses() {
        for (String name : List.of("q", "caf\u00E9", "a\u0085", "a\tb")) {
            assertThat(parameterOutcome(firewall, name)).as(name).isEqualTo(parameterOutcome(springsFirewall, name));
        }
        assertThat(parameterOutcome(firewall, "a\u0085")).isEqualTo("refused");
    }

    @Test
    void theResolverReadsWhatSpringsReads() {
        Random random = new Random(20261206);
        String alphabet = "aZ09-._~+/= ,%\"Bbearer\u00E9";
        List<String> starts = List.of("Bearer ", "bearer ", "Bearer", "Bearer  ", "bearerX", "Basic ", "");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder header = new StringBuilder(starts.get(random.nextInt(starts.size())));
            for (int i = random.nextInt(10); i > 0; i--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
            request.addHeader("Authorization", header.toString());
            assertThat(tokenOutcome(() -> resolver.resolve(request))).as(header.toString())
                    .isEqualTo(tokenOutcome(() -> springsResolver.resolve(request)));
        }
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/v1/customers");
        assertThat(resolver.resolve(none)).isNull();
        MockHttpServletRequest malformed = new MockHttpServletRequest("GET", "/api/v1/customers");
        malformed.addHeader("Authorization", "Bearer a b");
        assertThat(tokenOutcome(() -> resolver.resolve(malformed))).isEqualTo("invalid_token: Bearer token is malformed");
    }

    @Test
    void aQueryParameterIsNoToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.setParameter("access_token", "abc");
        assertThat(resolver.resolve(request)).isNull();
        assertThat(springsResolver.resolve(request)).isNull();
    }

    private static String headerOutcome(HttpFirewall firewall, String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader(name, value);
        try {
            return firewall.getFirewalledRequest(request).getHeader(name);
        } catch (RequestRejectedException refused) {
            return "refused";
        }
    }

    private static String parameterOutcome(HttpFirewall firewall, String name) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.setParameter(name, "v");
        try {
            return firewall.getFirewalledRequest(request).getParameter(name);
        } catch (RequestRejectedException refused) {
            return "refused";
        }
    }

    private static String tokenOutcome(Supplier<String> resolve) {
        try {
            return String.valueOf(resolve.get());
        } catch (OAuth2AuthenticationException refused) {
            return refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }
}
