package io.tally.auth.support;

import io.tally.testsupport.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test may move forward: the service's and the aggregates' together. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.sharedWithAggregates();
    }
}
