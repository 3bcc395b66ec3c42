package org.councilflow.common.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * JSON that the application reads is refused, naming the field, where it holds what the database cannot keep or
 * what the field cannot mean, once for every endpoint rather than endpoint by endpoint:
 * <ul>
 * <li>text (values and field names) with a NUL character, which PostgreSQL refuses in text, or a lone UTF-16
 * surrogate, which is no character at all and would be stored as {@code ?};</li>
 * <li>a number or true/false where a text is expected (an object or a list already was refused);</li>
 * <li>dates and times outside the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} (the year 0, 99999).</li>
 * </ul>
 * The text check wraps the deserializers of text, of untyped values (maps of anything) and of JSON trees, so it
 * covers typed records, forms and raw report parts alike.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonMapper() {
        return builder -> builder
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Registered with the application's object mapper as every module bean is. */
    @Bean
    SimpleModule dateRange() {
        return new SimpleModule("councilflow-date-range").setDeserializerModifier(new DateRangeModifier());
    }

    @Bean
    SimpleModule textChecks() {
        return new SimpleModule("councilflow-text").setDeserializerModifier(new TextModifier())
                .addDeserializer(JsonNode.class, new TreeChecked());
    }

    /**
     * Text the application cannot accept. {@code inner} is the path inside a value read as a whole (a JSON tree, a
     * map of anything); Jackson adds the path to the value itself.
     */
    static final class UnacceptableTextException extends JsonMappingException {

        private static final long serialVersionUID = 1L;

        private final String inner;
        private final String problem;

        UnacceptableTextException(JsonParser parser, String inner, String problem) {
            super(parser, (inner.isEmpty() ? "" : inner + " ") + problem);
            this.inner = inner;
            this.problem = problem;
        }

        /** The field as the request named it: the path to the value, then the path inside it. */
        String field() {
            String outer = path(this);
            String field = inner.isEmpty() ? outer : outer.isEmpty() ? inner
                    : inner.startsWith("[") ? outer + inner : outer + "." + inner;
            return field.isEmpty() ? "body" : field;
        }

        String problem() {
            return problem;
        }
    }

    /** What is wrong with the text, or null if nothing is. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (\\u0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone UTF-16 surrogate, which is not a character (invalid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone UTF-16 surrogate, which is not a character (invalid Unicode)";
            }
        }
        return null;
    }

    /** The path Jackson recorded to where reading failed: {@code settings.bankHolidays[0].day}, or empty. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Checks a string, or every string and key of a map or list read as a whole; throws naming where. */
    static void check(JsonParser parser, Object value, String path) throws JsonMappingException {
        if (value instanceof String text) {
            String problem = problem(text);
            if (problem != null) {
                throw new UnacceptableTextException(parser, path, problem);
            }
        } else if (value instanceof java.util.Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String problem = problem(key);
                if (problem != null) {
                    throw new UnacceptableTextException(parser, path, "has a field name that " + problem);
                }
                check(parser, entry.getValue(), path.isEmpty() ? key : path + "." + key);
            }
        } else if (value instanceof java.util.List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(parser, list.get(i), path + "[" + i + "]");
            }
        }
    }

    static void check(JsonParser parser, JsonNode node, String path) throws JsonMappingException {
        if (node.isTextual()) {
            check(parser, node.textValue(), path);
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext();) {
                var field = fields.next();
                String problem = problem(field.getKey());
                if (problem != null) {
                    throw new UnacceptableTextException(parser, path, "has a field name that " + problem);
                }
                check(parser, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(parser, node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Every text, map of anything and JSON tree is checked once read. */
    static final class TextModifier extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == String.class || type == Object.class ? new TextChecked(deserializer) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            if (type.getRawClass() != String.class) {
                return deserializer;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                    String problem = problem(key);
                    if (problem != null) {
                        throw new UnacceptableTextException(context.getParser(), "", "has a field name that " + problem);
                    }
                    return deserializer.deserializeKey(key, context);
                }
            };
        }
    }

    static final class TextChecked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        TextChecked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextChecked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            check(parser, value, "");
            return value;
        }
    }

    /** JSON trees (a report part's content) are checked through once read. */
    static final class TreeChecked extends StdDeserializer<JsonNode> {

        private static final long serialVersionUID = 1L;

        private final JsonDeserializer<? extends JsonNode> tree = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        TreeChecked() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = tree.deserialize(parser, context);
            check(parser, node, "");
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return tree.getNullValue(context);
        }
    }

    /** Wraps the deserializers of dates and times in a check of their year. */
    static final class DateRangeModifier extends BeanDeserializerModifier {

        private static final Set<Class<?>> TEMPORALS = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
                OffsetDateTime.class, ZonedDateTime.class);

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return TEMPORALS.contains(description.getBeanClass()) ? new YearChecked(deserializer) : deserializer;
        }
    }

    static final class YearChecked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        YearChecked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new YearChecked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int year = FIRST_YEAR;
            if (value instanceof Instant instant) {
                year = instant.atOffset(ZoneOffset.UTC).getYear();
            } else if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof LocalDateTime dateTime) {
                year = dateTime.getYear();
            } else if (value instanceof OffsetDateTime dateTime) {
                year = dateTime.getYear();
            } else if (value instanceof ZonedDateTime dateTime) {
                year = dateTime.getYear();
            }
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw InvalidFormatException.from(parser, "must be a date between the years " + FIRST_YEAR + " and "
                        + LAST_YEAR, value, handledType());
            }
            return value;
        }
    }
}
