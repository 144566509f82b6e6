package io.tally.customer.support;

import io.tally.testsupport.WithPostgresAndKafka;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a real PostgreSQL database and a real Kafka broker of the class's own,
 * with an SMTP server of its own; the context ends with the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@WithPostgresAndKafka
@ExtendWith(SmtpPortExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tally.invitations.sweep-interval=PT0.5S",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=${tally.test.smtp-port}"
})
@Import(TestInfrastructure.class)
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ServiceIntegrationTest {
}
