package io.tally.service.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request's JSON is taken as written: a number or a boolean where text belongs is refused (the field named,
 * rule {@code type}) rather than turned into text. With {@code tally-defaults.yml}'s parser settings, junk after
 * the object, a key given twice and text where a number belongs are refused too.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
