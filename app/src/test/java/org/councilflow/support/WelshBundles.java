package org.councilflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An English message bundle against its Welsh one: every key in both, with a text and the same placeholders. */
public final class WelshBundles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private WelshBundles() {
    }

    /** A bundle from the class path, read as UTF-8. */
    public static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = WelshBundles.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** What is wrong with the Welsh bundle, by key: no Welsh text, other placeholders, or a key in Welsh only. */
    public static Map<String, String> problems(Properties english, Properties welsh) {
        Map<String, String> problems = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String cy = welsh.getProperty(key);
            if (cy == null || cy.isBlank()) {
                problems.put(key, "no Welsh text");
            } else if (!placeholders(cy).equals(placeholders(english.getProperty(key)))) {
                problems.put(key, "placeholders differ: " + english.getProperty(key) + " / " + cy);
            }
        }
        welsh.stringPropertyNames().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.put(key, "Welsh only"));
        return problems;
    }

    public static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
