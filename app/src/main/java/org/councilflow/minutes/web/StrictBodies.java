package org.councilflow.minutes.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The bodies of the minutes API refuse fields they do not have (400 naming the field) instead of dropping them
 * silently: attendance, minutes and resolutions that lose a part without a word would be recorded wrongly. Jackson
 * asks a problem handler about every unknown property before it decides to skip it.
 */
@Configuration(proxyBeanMethods = false)
class StrictBodies {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer minutesRefuseUnknownFields() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new RefuseUnknown()));
    }

    static final class RefuseUnknown extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (strict(type)) {
                throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                        deserializer == null ? null : deserializer.getKnownPropertyNames());
            }
            return false;
        }

        private static boolean strict(Class<?> type) {
            String name = type.getName();
            return name.startsWith("org.councilflow.minutes.") || name.equals("org.councilflow.meetings.Resolution");
        }
    }
}
