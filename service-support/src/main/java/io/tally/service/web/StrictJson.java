package io.tally.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A request's JSON is taken as written: a number or a boolean where text belongs is refused (the field named,
 * rule {@code type}) rather than turned into text. With {@code tally-defaults.yml}'s parser settings, junk after
 * the object, a key given twice and text where a number belongs are refused too. Every text of a request body keeps
 * the {@link Text} rule (the field named, the rule its fault's) and is kept normalized; the events a service reads
 * back are not judged again, as they were written by the service itself.
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

    /** The request bodies' reader only: the application's mapper, with every text judged by {@link Text}. */
    @Bean
    WebMvcConfigurer checkedRequestText() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (HttpMessageConverter<?> converter : converters) {
                    if (converter instanceof MappingJackson2HttpMessageConverter json) {
                        json.setObjectMapper(requestReader(json.getObjectMapper()));
                    }
                }
            }
        };
    }

    /**
     * The reader of request bodies: the application's mapper, with every text judged by {@link Text}, every enum
     * taken as written (Jackson would trim {@code "ON\t"} or {@code "ENTERPRISE\u0000"} to a value). A {@code null}
     * never reaches it ({@link NoNullsInBodies}).
     */
    static ObjectMapper requestReader(ObjectMapper application) {
        SimpleModule checked = new SimpleModule("checked-text").addDeserializer(String.class, new CheckedText());
        checked.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new EnumAsWritten(deserializer);
            }
        });
        return application.copy().registerModule(checked);
    }

    /** A request's text that breaks the {@link Text} rule; Jackson adds the field's path on its way out. */
    static final class TextRefused extends MismatchedInputException {

        private final transient Text.Fault fault;

        TextRefused(JsonParser parser, Text.Fault fault) {
            super(parser, fault.rule(), String.class);
            this.fault = fault;
        }

        Text.Fault fault() {
            return fault;
        }
    }

    /** An enum's name exactly as written: text that breaks the {@link Text} rule or has spaces around it is no value. */
    static final class EnumAsWritten extends DelegatingDeserializer {

        EnumAsWritten(JsonDeserializer<?> enumDeserializer) {
            super(enumDeserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new EnumAsWritten(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                Optional<Text.Fault> fault = Text.fault(text);
                if (fault.isPresent()) {
                    throw new TextRefused(parser, fault.get());
                }
                if (!text.equals(text.trim())) {
                    throw InvalidFormatException.from(parser, "Not one of the values", text, handledType());
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** Jackson's own reading of a text, then the rule, then the normal form. */
    static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            Optional<Text.Fault> fault = Text.fault(text);
            if (fault.isPresent()) {
                throw new TextRefused(parser, fault.get());
            }
            return Text.normalized(text);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
