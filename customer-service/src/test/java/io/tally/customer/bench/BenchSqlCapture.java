package io.tally.customer.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the benchmark puts next to the real application besides the test token key: the recorder
 * of the read-model SQL whose plans are printed. A test configuration, so that component scanning
 * leaves it alone; the benchmark names it as a source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchSqlCapture {

    @Bean
    static BeanPostProcessor sqlCapture() {
        return new SqlCapture();
    }
}
