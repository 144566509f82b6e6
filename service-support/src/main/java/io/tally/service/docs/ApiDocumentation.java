package io.tally.service.docs;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@link ApiDocumentRules} to the springdoc document of every service. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    GlobalOpenApiCustomizer tallyApiDocumentRules() {
        return ApiDocumentRules::apply;
    }
}
