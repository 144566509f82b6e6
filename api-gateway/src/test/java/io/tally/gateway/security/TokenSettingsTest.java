package io.tally.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway expects the tokens every service expects: auth-service's issuer and the API's audience by default,
 * both taken from the same variables as service-support's tally-defaults.yml (the local stack's own token issuer).
 */
class TokenSettingsTest {

    private static StandardEnvironment gatewaySettings(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // Only the variables given: not this machine's.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        List<PropertySource<?>> application = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        application.forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    @Test
    void expectsAuthServicesIssuerAndTheApisAudienceByDefault() throws IOException {
        StandardEnvironment environment = gatewaySettings(Map.of());

        assertThat(environment.getProperty("tally.tokens.issuer")).isEqualTo("tally-auth");
        assertThat(environment.getProperty("tally.tokens.audience")).isEqualTo("tally-api");
    }

    @Test
    void takesTheIssuerAndTheAudienceFromTheEnvironmentAsTheServicesDo() throws IOException {
        StandardEnvironment environment = gatewaySettings(Map.of(
                "TALLY_TOKEN_ISSUER", "tally-local-stack",
                "TALLY_TOKEN_AUDIENCE", "tally-other-api"));

        assertThat(environment.getProperty("tally.tokens.issuer")).isEqualTo("tally-local-stack");
        assertThat(environment.getProperty("tally.tokens.audience")).isEqualTo("tally-other-api");
    }
}
