package org.councilflow.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak ships no Welsh: ours, in {@code deploy/keycloak/localization/}, covers every text its sign-in pages ask
 * for, says what Keycloak's English says (same placeholders, valid patterns, no key Keycloak does not know), and is
 * what both realm files carry, so the demo and production realms cannot drift apart. The same for the e-mails Keycloak
 * sends a council's people (account set-up, forgotten password, verifying an address).
 */
class KeycloakWelshTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
    /** Ours alone: the language selector's names and label, which Keycloak's English has not. */
    private static final Set<String> OURS = Set.of("locale_cy", "locale_en", "languages");

    @Test
    void everyTextOfTheSignInPagesHasItsWelsh() {
        Properties welsh = SignInTexts.welsh();
        Set<String> wanted = new TreeSet<>(SignInTexts.pageKeys());
        wanted.addAll(SignInTexts.MESSAGES);
        assertThat(wanted).as("the keys the pages name").contains("loginAccountTitle", "doLogIn", "password",
                "updatePasswordTitle", "emailVerifyTitle", "errorTitle", "backToApplication");

        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(welsh.stringPropertyNames());
        assertThat(missing).as("sign-in texts without Welsh in messages_cy.properties").isEmpty();
    }

    @Test
    void everyTextOfKeycloaksMailsToCouncilPeopleHasItsWelsh() {
        Set<String> missing = new TreeSet<>(SignInTexts.EMAILS);
        missing.removeAll(SignInTexts.welsh().stringPropertyNames());
        assertThat(missing).as("e-mail texts without Welsh in messages_cy.properties").isEmpty();
        Set<String> unknown = new TreeSet<>(SignInTexts.EMAILS);
        unknown.removeAll(SignInTexts.keycloakEnglish().stringPropertyNames());
        assertThat(unknown).as("e-mail keys Keycloak's English no longer has").isEmpty();
        // the HTML bodies keep Keycloak's own markup exactly: paragraphs and the one link to {0}, nothing more
        for (String key : SignInTexts.EMAILS) {
            if (key.endsWith("Html")) {
                assertThat(tags(SignInTexts.welsh().getProperty(key))).as(key)
                        .isEqualTo(tags(SignInTexts.keycloakEnglish().getProperty(key)));
            }
        }
    }

    @Test
    void theWelshSaysWhatKeycloaksEnglishSays() {
        Properties english = SignInTexts.keycloakEnglish();
        Properties welsh = SignInTexts.welsh();
        Map<String, String> problems = new TreeMap<>();
        for (String key : welsh.stringPropertyNames()) {
            String cy = welsh.getProperty(key);
            if (cy.isBlank()) {
                problems.put(key, "empty");
                continue;
            }
            try {
                new MessageFormat(cy, Locale.forLanguageTag("cy")).format(new Object[] {"x", 10080L, "z"});
            } catch (IllegalArgumentException e) {
                problems.put(key, "not a MessageFormat pattern: " + e.getMessage());
            }
            if (OURS.contains(key)) {
                continue;
            }
            String en = english.getProperty(key);
            if (en == null) {
                problems.put(key, "Keycloak's English has no such key");
            } else if (!expectedPlaceholders(key, en).equals(placeholders(cy))) {
                problems.put(key, "placeholders " + placeholders(cy) + ", English " + placeholders(en));
            }
            // a lone apostrophe would quote the rest of the text away in Keycloak's MessageFormat
            if (cy.replace("''", "").contains("'")) {
                problems.put(key, "a single apostrophe: write '' as Keycloak's own texts do");
            }
        }
        assertThat(problems).as("messages_cy.properties against Keycloak's messages_en").isEmpty();
        assertThat(SignInTexts.englishTexts()).as("English the Welsh pages must not show")
                .contains("Sign in to your account", "Invalid username or password", "Password").hasSizeGreaterThan(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void theRealmCarriesExactlyTheseTextsAndOffersCymraeg(String realm) throws IOException {
        JsonNode json = new ObjectMapper().readTree(
                Path.of("../deploy/keycloak").resolve(realm).resolve("councilflow-realm.json").toFile());
        assertThat(json.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(json.path("supportedLocales").toString()).isEqualTo("[\"en\",\"cy\"]");
        assertThat(differences(texts(json.path("localizationTexts").path("cy")), SignInTexts.welsh()))
                .as(realm + " realm's localizationTexts.cy against deploy/keycloak/localization/messages_cy.properties")
                .isEmpty();
        assertThat(differences(texts(json.path("localizationTexts").path("en")), SignInTexts.englishAdditions()))
                .as(realm + " realm's localizationTexts.en against deploy/keycloak/localization/messages_en.properties")
                .isEmpty();
        assertThat(json.path("localizationTexts").size()).isEqualTo(2);
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new TreeMap<>();
        node.properties().forEach(entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return texts;
    }

    /** Each key whose text differs: what the realm says, then what the source says. */
    private static Map<String, String> differences(Map<String, String> realm, Properties source) {
        Set<String> keys = new TreeSet<>(realm.keySet());
        keys.addAll(source.stringPropertyNames());
        Map<String, String> differences = new TreeMap<>();
        for (String key : keys) {
            String inRealm = realm.get(key);
            String inSource = source.getProperty(key);
            if (!java.util.Objects.equals(inRealm, inSource)) {
                differences.put(key, inRealm + " | " + inSource);
            }
        }
        return differences;
    }

    private static java.util.List<String> tags(String html) {
        return Pattern.compile("<[^>]*>").matcher(html).results().map(match -> match.group()).toList();
    }

    /** English's placeholders, the worded lifetime of a link given as minutes ({1}) instead where Welsh must. */
    private static Set<String> expectedPlaceholders(String key, String english) {
        Set<String> expected = placeholders(english);
        String worded = SignInTexts.WORDED_LIFETIME.get(key);
        if (worded != null && expected.remove(worded)) {
            expected.add("1");
        }
        return expected;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
