package io.tally.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each test context's server runs on event loops of its own. With the default, global ones, a
 * closing context disposes the loops of the whole JVM a moment later, and a request that the next
 * test class's client or gateway had just put on them never gets an answer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
