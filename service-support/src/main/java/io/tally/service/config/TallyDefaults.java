package io.tally.service.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The configuration every Tally service shares ({@code tally-defaults.yml}: Axon, the Kafka extension, Jackson,
 * problems, the database pool, management, logging), added behind every other property source, so that a
 * service's own {@code application.yml}, its environment variables and its tests override any of it.
 * ({@code spring.config.import} would not do: an imported file overrides the one that imports it.)
 */
public class TallyDefaults implements EnvironmentPostProcessor {

    public static final String RESOURCE = "tally-defaults.yml";
    static final String SOURCE_NAME = "tallyDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource(RESOURCE, TallyDefaults.class.getClassLoader()));
            loaded.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
