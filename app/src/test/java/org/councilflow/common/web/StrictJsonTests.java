package org.councilflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The strict reading of JSON on its own, as the application's object mapper is built. */
class StrictJsonTests {

    record Change(Integer revision, JsonNode content, Map<String, Object> form, String title, Instant at,
            java.util.List<String> names, Map<String, Integer> days) {
    }

    final ObjectMapper json = mapper();

    static ObjectMapper mapper() {
        StrictJson config = new StrictJson();
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        config.strictJsonMapper().customize(builder);
        builder.modulesToInstall(config.dateRange(), config.textChecks());
        return builder.build();
    }

    @Test
    void textWithANulOrALoneSurrogateIsRefusedWhereverItIsNamingTheField() {
        assertRefused("{\"content\":\"a\\u0000b\"}", "content");
        assertRefused("{\"content\":{\"x\":[\"ok\",\"\\ud800\"]}}", "content.x[1]");
        assertRefused("{\"form\":{\"minutes\":\"\\udc00 low\"}}", "form.minutes");
        assertRefused("{\"title\":\"a\\u0000\"}", "title");
        assertRefused("{\"form\":{\"bad\\u0000key\":1}}", "form");
        assertRefused("{\"names\":[\"ok\",\"\\u0000\"]}", "names[1]");
        assertRefused("{\"days\":{\"bad\\u0000key\":1}}", "days");
    }

    @Test
    void aSurrogatePairIsAcceptedAsTheCharacterItIs() throws Exception {
        assertThat(json.readValue("{\"title\":\"\\ud83d\\udca5 \u00e9\"}", Change.class).title()).isEqualTo("\ud83d\udca5 \u00e9");
        assertThat(json.readValue("{\"title\":\"\ud83d\udca5\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Change.class)
                .title()).isEqualTo("\ud83d\udca5");
    }

    @Test
    void aNumberIsNoTextAndYearsOutOfRangeAreNoDates() {
        assertThatThrownBy(() -> json.readValue("{\"title\":42}", Change.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"at\":\"+99999-01-01T00:00:00Z\"}", Change.class))
                .hasMessageContaining("must be a date between the years 1900 and 2199");
        assertThatThrownBy(() -> json.readValue("{\"at\":\"0000-01-01T00:00:00Z\"}", Change.class))
                .hasMessageContaining("must be a date between the years 1900 and 2199");
    }

    private void assertRefused(String body, String field) {
        for (Object source : new Object[] {body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))}) {
            assertThatThrownBy(() -> {
                if (source instanceof String text) {
                    json.readValue(text, Change.class);
                } else if (source instanceof byte[] bytes) {
                    json.readValue(bytes, Change.class);
                } else {
                    json.readerFor(Change.class).readValue((java.io.InputStream) source);
                }
            }).as(body).satisfies(e -> {
                Throwable cause = e;
                while (cause != null && !(cause instanceof StrictJson.UnacceptableTextException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as(String.valueOf(e)).isNotNull();
                assertThat(((StrictJson.UnacceptableTextException) cause).field()).isEqualTo(field);
            });
        }
    }
}
