package io.tally.tokens;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The credentials a deployment gives a service or the gateway for a broker that asks for them become the client
 * properties of every Kafka client it runs; none given is plaintext, as before; half of them is no start at all.
 */
class KafkaClientSecurityTest {

    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";

    @Test
    void nothingSetIsPlaintextWithoutCredentials() {
        assertThat(new KafkaClientSecurity(null, null, null, null).clientProperties()).isEmpty();
        assertThat(new KafkaClientSecurity("", " ", "", "").clientProperties()).isEmpty();
        assertThat(fromEnvironment(Map.of()).clientProperties()).isEmpty();
    }

    @Test
    void aUserAndPasswordSignInWithScramOverSaslPlaintext() {
        Map<String, String> properties = new KafkaClientSecurity(null, null, "customer-service", "s3cret")
                .clientProperties();

        assertThat(properties).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", SCRAM + " required username=\"customer-service\" password=\"s3cret\";");
    }

    @Test
    void aPasswordWithQuotesAndBackslashesReachesTheBrokerAsItIs() {
        String password = "a\"b\\c d;e=f}";

        String jaas = new KafkaClientSecurity(null, null, "auth-service", password).clientProperties()
                .get("sasl.jaas.config");

        AppConfigurationEntry entry = signIn(jaas);
        assertThat(entry.getLoginModuleName()).isEqualTo(SCRAM);
        assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
        assertThat(options(entry)).containsEntry("username", "auth-service").containsEntry("password", password);
    }

    @Test
    void plainSignsInWithItsOwnLoginModule() {
        String jaas = new KafkaClientSecurity("SASL_PLAINTEXT", "PLAIN", "api-gateway", "pw").clientProperties()
                .get("sasl.jaas.config");

        assertThat(signIn(jaas).getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
    }

    @Test
    void aProtocolWithoutSaslNeedsNoCredentials() {
        assertThat(new KafkaClientSecurity("SSL", null, null, null).clientProperties())
                .containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void halfAConfigurationIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new KafkaClientSecurity(null, null, "customer-service", ""))
                .hasMessageContaining("TALLY_KAFKA_SASL_PASSWORD is not");
        assertThatThrownBy(() -> new KafkaClientSecurity(null, null, null, "s3cret"))
                .hasMessageContaining("TALLY_KAFKA_SASL_USERNAME is not");
        assertThatThrownBy(() -> new KafkaClientSecurity(null, "SCRAM-SHA-512", null, null))
                .hasMessageContaining("no user");
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL_PLAINTEXT", null, null, null))
                .hasMessageContaining("needs a user");
    }

    @Test
    void whatWouldNotSignInIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new KafkaClientSecurity(null, "GSSAPI", "customer-service", "s3cret"))
                .hasMessageContaining("GSSAPI is none of");
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL_TLS", null, "customer-service", "s3cret"))
                .hasMessageContaining("SASL_TLS is none of");
        assertThatThrownBy(() -> new KafkaClientSecurity("PLAINTEXT", null, "customer-service", "s3cret"))
                .hasMessageContaining("would never send the credentials");
    }

    @Test
    void thePasswordAppearsInNoMessage() {
        KafkaClientSecurity security = new KafkaClientSecurity(null, null, "customer-service", "s3cret");

        assertThat(security.toString()).contains("customer-service").doesNotContain("s3cret");
        assertThatThrownBy(() -> new KafkaClientSecurity("PLAINTEXT", null, "customer-service", "s3cret"))
                .message().doesNotContain("s3cret");
    }

    private static KafkaClientSecurity fromEnvironment(Map<String, Object> variables) {
        return KafkaClientSecurity.from(environment(variables));
    }

    /** Configured as a service's or the gateway's properties configure it. */
    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("properties", properties));
        return environment;
    }

    /** The one login entry as a Kafka client reads the JAAS configuration. */
    private static AppConfigurationEntry signIn(String jaasConfig) {
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of("sasl.jaas.config", new Password(jaasConfig))).configurationEntries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Map<String, Object> options(AppConfigurationEntry entry) {
        return new HashMap<>(entry.getOptions());
    }
}
