package io.tally.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Another instance of the service under test in the test's JVM, as a deployment's second pod: the same database and
 * broker (the test's system properties name them), the test's token key and clock, ports of its own.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the service's {@code application} class with these command-line settings besides its own ports. */
    public static SecondInstance start(Class<?> application, String... settings) {
        return startWith(application, TestKeyAndClock.class, settings);
    }

    /**
     * The same with {@code testConfiguration} in place of {@link TestKeyAndClock}: for auth-service, which signs and
     * checks its own tokens and so must not trust the test's key.
     */
    public static SecondInstance startWith(Class<?> application, Class<?> testConfiguration, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
        arguments.addAll(List.of(settings));
        return new SecondInstance(new SpringApplicationBuilder(application, testConfiguration)
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Stops it as an orchestrator would, gracefully. */
    @Override
    public void close() {
        context.close();
    }
}
