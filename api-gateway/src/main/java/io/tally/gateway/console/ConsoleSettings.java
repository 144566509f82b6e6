package io.tally.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/**
 * Where the console's built files are: {@code classpath:/console/} as the console's jar holds
 * them, or a {@code file:} directory while the console is being developed.
 */
@ConfigurationProperties("tally.console")
record ConsoleSettings(String location) {

    public ConsoleSettings {
        Objects.requireNonNull(location, "tally.console.location");
        if (!location.endsWith("/")) {
            location = location + "/";
        }
    }
}
