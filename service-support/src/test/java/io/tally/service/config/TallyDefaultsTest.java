package io.tally.service.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TallyDefaultsTest {

    @Test
    void everyServiceGetsTheSharedConfiguration() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "example-service"));

        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.kafka.publisher.confirmation-mode")).isEqualTo("wait_for_ack");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("axon.kafka.client-id")).isEqualTo("example-service");
        assertThat(environment.getProperty("management.metrics.tags.service")).isEqualTo("example-service");
        assertThat(environment.getProperty("spring.jackson.deserialization.fail-on-unknown-properties"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.jackson.deserialization.fail-on-trailing-tokens")).isEqualTo("true");
        assertThat(environment.getProperty("spring.jackson.parser.strict-duplicate-detection")).isEqualTo("true");
        assertThat(environment.getProperty("spring.jackson.mapper.allow-coercion-of-scalars")).isEqualTo("false");
        assertThat(environment.getProperty("logging.level.org.axonframework.modelling.command.AbstractRepository"))
                .as("a refusal thrown by a command handler is not logged as a warning").isEqualTo("ERROR");
    }

    @Test
    void everyServiceExpectsTheSameTokensAndTrustsNoProxyUnlessTold() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "example-service"));

        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("tally.tokens.issuer")).isEqualTo("tally-auth");
        assertThat(environment.getProperty("tally.tokens.audience")).isEqualTo("tally-api");
        assertThat(environment.getProperty("tally.tokens.access-token-lifetime")).isEqualTo("PT15M");
        assertThat(environment.getProperty("tally.web.trusted-proxies")).isEmpty();
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }

    @Test
    void aServicesOwnValueWinsOverTheDefault() {
        StandardEnvironment environment = environment(Map.of(
                "spring.application.name", "example-service",
                "axon.kafka.fetcher.poll-timeout", "250"));

        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.kafka.fetcher.poll-timeout")).isEqualTo("250");
    }

    @Test
    void addedOnceAndLast() {
        StandardEnvironment environment = environment(Map.of());

        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());
        new TallyDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith(TallyDefaults.SOURCE_NAME))).hasSize(1);
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
                .getName()).startsWith(TallyDefaults.SOURCE_NAME);
    }

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @Test
    void springBootAddsThemToEveryApplication() {
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.application.name", "example-service"));

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getEnvironment().getProperty("management.metrics.tags.service"))
                    .isEqualTo("example-service");
        }
    }

    private static StandardEnvironment environment(Map<String, Object> own) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("own", own));
        return environment;
    }
}
