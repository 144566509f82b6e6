package io.tally.tokens;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.core.env.PropertyResolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service's Kafka clients prove who they are to a broker that asks ({@code tally.kafka.security.*}, from
 * {@code TALLY_KAFKA_SASL_USERNAME}, {@code TALLY_KAFKA_SASL_PASSWORD}, {@code TALLY_KAFKA_SASL_MECHANISM} and
 * {@code TALLY_KAFKA_SECURITY_PROTOCOL}). With a user name: SASL as that user, SCRAM-SHA-512 over SASL_PLAINTEXT unless
 * told otherwise, which is how docker-compose.yml's broker takes each service, its ACLs naming the user. With nothing
 * set: plaintext without credentials, as the local stack's broker and the tests' take. Half a configuration (a user
 * without a password, a mechanism without a user) stops the service at start-up instead of reaching the broker as
 * nobody. Every client the service runs takes {@link #clientProperties()}: Axon's producer and consumers, the admin
 * client that creates the topics.
 */
public record KafkaClientSecurity(String protocol, String mechanism, String username, String password) {

    static final String PREFIX = "tally.kafka.security";
    static final String DEFAULT_PROTOCOL = "SASL_PLAINTEXT";
    static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "SCRAM-SHA-512", SCRAM_LOGIN,
            "SCRAM-SHA-256", SCRAM_LOGIN,
            "PLAIN", PLAIN_LOGIN);
    private static final List<String> WITHOUT_SASL = List.of("PLAINTEXT", "SSL");
    private static final List<String> WITH_SASL = List.of("SASL_PLAINTEXT", "SASL_SSL");

    public KafkaClientSecurity {
        protocol = blankIsEmpty(protocol);
        mechanism = blankIsEmpty(mechanism);
        username = blankIsEmpty(username);
        password = password == null ? "" : password;
        if (!username.isEmpty() && password.isEmpty()) {
            throw refused("TALLY_KAFKA_SASL_USERNAME is set but TALLY_KAFKA_SASL_PASSWORD is not");
        }
        if (username.isEmpty() && !password.isEmpty()) {
            throw refused("TALLY_KAFKA_SASL_PASSWORD is set but TALLY_KAFKA_SASL_USERNAME is not");
        }
        if (username.isEmpty() && !mechanism.isEmpty()) {
            throw refused("TALLY_KAFKA_SASL_MECHANISM is set but no user (TALLY_KAFKA_SASL_USERNAME) to sign in as");
        }
        if (!mechanism.isEmpty() && !LOGIN_MODULES.containsKey(mechanism)) {
            throw refused("TALLY_KAFKA_SASL_MECHANISM " + mechanism + " is none of " + LOGIN_MODULES.keySet());
        }
        if (!protocol.isEmpty() && !WITHOUT_SASL.contains(protocol) && !WITH_SASL.contains(protocol)) {
            throw refused("TALLY_KAFKA_SECURITY_PROTOCOL " + protocol + " is none of " + WITHOUT_SASL + " or " + WITH_SASL);
        }
        if (username.isEmpty() && WITH_SASL.contains(protocol)) {
            throw refused("TALLY_KAFKA_SECURITY_PROTOCOL " + protocol + " needs a user (TALLY_KAFKA_SASL_USERNAME)");
        }
        if (!username.isEmpty() && WITHOUT_SASL.contains(protocol)) {
            throw refused("TALLY_KAFKA_SECURITY_PROTOCOL " + protocol + " would never send the credentials of "
                    + username + ": use one of " + WITH_SASL);
        }
    }

    /** As the environment configures it; nothing set is plaintext without credentials. */
    public static KafkaClientSecurity from(PropertyResolver environment) {
        return new KafkaClientSecurity(
                environment.getProperty(PREFIX + ".protocol"),
                environment.getProperty(PREFIX + ".sasl-mechanism"),
                environment.getProperty(PREFIX + ".sasl-username"),
                environment.getProperty(PREFIX + ".sasl-password"));
    }

    /** What every Kafka client of the service is configured with besides its own settings; empty for plaintext. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (username.isEmpty()) {
            if (!protocol.isEmpty()) {
                properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
            }
            return properties;
        }
        String effectiveMechanism = mechanism.isEmpty() ? DEFAULT_MECHANISM : mechanism;
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.isEmpty() ? DEFAULT_PROTOCOL : protocol);
        properties.put(SaslConfigs.SASL_MECHANISM, effectiveMechanism);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, LOGIN_MODULES.get(effectiveMechanism) + " required username="
                + quoted(username) + " password=" + quoted(password) + ";");
        return properties;
    }

    /** The password never appears in a log line or an exception message. */
    @Override
    public String toString() {
        return "KafkaClientSecurity[protocol=" + protocol + ", mechanism=" + mechanism + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "(set)") + "]";
    }

    /** A JAAS option value: in double quotes, a quote or a backslash in it escaped, as Kafka's JAAS parser reads it. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String blankIsEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("Kafka credentials: " + why + ".");
    }
}
