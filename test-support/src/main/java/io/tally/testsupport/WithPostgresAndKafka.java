package io.tally.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A real PostgreSQL database and a real Kafka broker of the test class's own. Declare it before
 * {@code @SpringBootTest} so that both exist before the application context starts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith({PostgresDatabaseExtension.class, KafkaBrokerExtension.class})
public @interface WithPostgresAndKafka {
}
