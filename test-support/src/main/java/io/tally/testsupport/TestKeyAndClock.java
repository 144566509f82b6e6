package io.tally.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * For a service's integration tests: trust the test's token key in place of auth-service's
 * JWKS ({@link TestKey}), and move the service's clock and the aggregates' clock together.
 * Imported where wanted; deliberately not a {@code @Configuration}, so that the services' scans
 * of {@code io.tally} never pick it up.
 */
@Import(TestKey.class)
public class TestKeyAndClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.sharedWithAggregates();
    }
}
