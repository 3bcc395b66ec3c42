package org.councilflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.councilflow.support.WelshBundles;
import org.junit.jupiter.api.Test;

/**
 * The services' refusals are complete in Welsh, every key a service names exists, English stays the API's text, and
 * no service raises a conflict as a bare English sentence any more (the platform operator's pages included).
 */
class RefusalsTests {

    private static final Locale WELSH = Locale.forLanguageTag("cy");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern NAMED_KEY = Pattern.compile(
            "(?:Refusal\\.of|RefusedException\\.of)\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern LITERAL_CHOICE = Pattern.compile("new ConflictException\\([^;\"]*\\?\\s*\"");

    @Test
    void everyEnglishKeyHasAWelshTextWithTheSamePlaceholders() {
        Properties english = load("refusals.properties");
        Properties welsh = load("refusals_cy.properties");
        assertThat(english).isNotEmpty();
        Map<String, String> problems = WelshBundles.problems(english, welsh);
        assertThat(problems).as("refusals_cy against refusals").isEmpty();
    }

    @Test
    void everyKeyAServiceNamesHasAText() throws IOException {
        Properties english = load("refusals.properties");
        Set<String> missing = new TreeSet<>();
        for (Path file : javaFiles()) {
            Matcher matcher = NAMED_KEY.matcher(Files.readString(file));
            while (matcher.find()) {
                if (!english.containsKey(matcher.group(1))) {
                    missing.add(MAIN.relativize(file) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).as("refusal keys without a text").isEmpty();
    }

    @Test
    void noConflictIsRaisedAsABareEnglishSentence() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            // a literal sentence, or one picked by a condition: "new ConflictException(stale ? "…" : "…")"
            int count = source.split("new ConflictException\\(\"", -1).length - 1
                    + (int) LITERAL_CHOICE.matcher(source).results().count();
            if (count > 0) {
                found.put(MAIN.relativize(file).toString().replace('\\', '/'), count);
            }
        }
        assertThat(found).as("new ConflictException(\"…\") instead of a Refusal the staff UI can say in Welsh").isEmpty();
    }

    @Test
    void theApiReadsEnglishAndTheStaffUiThePersonsLanguage() {
        ConflictException conflict = new ConflictException(Refusal.of("task.claimedBy", "dafydd"));
        assertThat(conflict.getMessage()).isEqualTo("Already claimed by dafydd");
        assertThat(conflict.describe(WELSH)).isEqualTo("Wedi'i hawlio eisoes gan dafydd");
        assertThat(conflict.describe(Locale.UK)).isEqualTo("Already claimed by dafydd");

        // parts are refusals too, said in the same language; apostrophes do not swallow placeholders
        Refusal did = Refusal.of("fourEyes.youDid",
                Refusal.of("fourEyes.and", Refusal.of("fourEyes.created"), Refusal.of("fourEyes.appendices")));
        assertThat(did.english())
                .isEqualTo("Four-eyes: you created this report and changed the appendices, so another manager must sign it off.");
        assertThat(did.in(WELSH)).isEqualTo(
                "Pedwar llygad: rydych chi wedi creu'r adroddiad hwn a newid yr atodiadau, felly rhaid i reolwr arall ei gymeradwyo.");

        InvalidFieldException invalid = new InvalidFieldException("reason", Refusal.of("task.returnReasonRequired"));
        assertThat(invalid.field()).isEqualTo("reason");
        assertThat(invalid.problem()).isEqualTo("Say why the report is returned: the reason is required");
        assertThat(invalid.getMessage()).isEqualTo("reason Say why the report is returned: the reason is required");

        // a plain English exception stays as it was written
        assertThat(new ConflictException("Stale").describe(WELSH)).isEqualTo("Stale");
    }

    private static Stream<Path> javaFilesStream() throws IOException {
        return Files.walk(MAIN).filter(path -> path.toString().endsWith(".java"));
    }

    private static java.util.List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = javaFilesStream()) {
            return files.toList();
        }
    }

    private static Properties load(String name) {
        return WelshBundles.load("/common/i18n/" + name);
    }
}
