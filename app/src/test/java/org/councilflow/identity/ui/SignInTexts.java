package org.councilflow.identity.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's sign-in pages as the tests read them: the texts its own theme (the unpacked distribution's
 * {@code keycloak-themes} jar) gives in English, the keys its page templates ask for, and our Welsh and English
 * additions in {@code deploy/keycloak/localization/}.
 */
final class SignInTexts {

    static final Path LOCALIZATION = Path.of("../deploy/keycloak/localization");

    /** The pages a person meets signing in: the form, a new or forgotten password, verifying the address, errors. */
    static final Set<String> PAGES = Set.of("template.ftl", "login.ftl", "field.ftl", "buttons.ftl",
            "password-commons.ftl", "password-validation.ftl", "login-update-password.ftl", "login-reset-password.ftl",
            "login-verify-email.ftl", "info.ftl", "error.ftl", "login-page-expired.ftl");

    /** What Keycloak itself says on those pages, shown beside the form (its Java code chooses them). */
    static final Set<String> MESSAGES = Set.of("invalidUserMessage", "accountDisabledMessage",
            "accountTemporarilyDisabledMessage", "expiredCodeMessage", "expiredActionMessage", "missingUsernameMessage",
            "missingPasswordMessage", "notMatchPasswordMessage", "invalidPasswordExistingMessage",
            "invalidPasswordGenericMessage", "invalidPasswordHistoryMessage", "invalidPasswordNotUsernameMessage",
            "updatePasswordMessage", "verifyEmailMessage", "emailSentMessage", "emailSendErrorMessage",
            "emailVerifiedMessage", "cookieNotFoundMessage", "staleCodeMessage", "invalidCodeMessage", "loginTimeout",
            "requiredAction.UPDATE_PASSWORD", "requiredAction.VERIFY_EMAIL", "confirmExecutionOfActions",
            "accountUpdatedMessage", "differentUserAuthenticated", "alreadyLoggedIn", "pageExpiredTitle");

    /**
     * Keycloak's e-mails a council's people get: setting up an invited account, a forgotten password, verifying an
     * address (the email theme reads the realm's texts as the login theme does), with the names of the actions the
     * set-up mail lists.
     */
    static final Set<String> EMAILS = Set.of("executeActionsSubject", "executeActionsBody", "executeActionsBodyHtml",
            "passwordResetSubject", "passwordResetBody", "passwordResetBodyHtml", "emailVerificationSubject",
            "emailVerificationBody", "emailVerificationBodyHtml", "requiredAction.UPDATE_PASSWORD",
            "requiredAction.VERIFY_EMAIL");

    /**
     * The e-mail texts whose Welsh gives the link's lifetime as {@code {1}} (minutes) where Keycloak's English has the
     * worded lifetime (this placeholder): Keycloak words it from its theme's messages alone, which have no Welsh.
     */
    static final java.util.Map<String, String> WORDED_LIFETIME = java.util.Map.of("executeActionsBody", "4",
            "executeActionsBodyHtml", "4", "passwordResetBody", "3", "passwordResetBodyHtml", "3",
            "emailVerificationBody", "3", "emailVerificationBodyHtml", "3");

    private static final Pattern MESSAGE_KEY = Pattern.compile("msg\\(\\s*[\"']([\\w.-]+)[\"']|\\blabel=\"(\\w+)\"");

    private SignInTexts() {
    }

    static Properties welsh() {
        return load(LOCALIZATION.resolve("messages_cy.properties"));
    }

    static Properties englishAdditions() {
        return load(LOCALIZATION.resolve("messages_en.properties"));
    }

    /** Keycloak's English of the login theme (the base theme's messages under keycloak.v2's) and of its e-mails. */
    static Properties keycloakEnglish() {
        Properties english = new Properties();
        try (ZipFile themes = new ZipFile(themesJar().toFile())) {
            for (String name : new String[] {"theme/base/email/messages/messages_en.properties",
                    "theme/base/login/messages/messages_en.properties",
                    "theme/keycloak.v2/login/messages/messages_en.properties"}) {
                try (InputStream in = themes.getInputStream(themes.getEntry(name))) {
                    english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return english;
    }

    /** The message keys the sign-in pages' templates name (keycloak.v2's template where it has one, else base's). */
    static Set<String> pageKeys() {
        Set<String> keys = new TreeSet<>();
        try (ZipFile themes = new ZipFile(themesJar().toFile())) {
            for (String page : PAGES) {
                ZipEntry entry = themes.getEntry("theme/keycloak.v2/login/" + page);
                if (entry == null) {
                    entry = themes.getEntry("theme/base/login/" + page);
                }
                if (entry == null) {
                    throw new AssertionError("Keycloak's login theme has no " + page + " any more");
                }
                String template = new String(themes.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                Matcher matcher = MESSAGE_KEY.matcher(template);
                while (matcher.find()) {
                    keys.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /**
     * The English a Welsh sign-in page must not show: Keycloak's English of every key we give in Welsh, the parts
     * between placeholders of five characters or more, leaving out those our Welsh has too (the realm's name).
     */
    static Set<String> englishTexts() {
        Properties english = keycloakEnglish();
        Properties welsh = welsh();
        Set<String> texts = new TreeSet<>();
        for (String key : welsh.stringPropertyNames()) {
            String value = english.getProperty(key);
            if (value == null) {
                continue;
            }
            for (String part : value.replace("''", "'").replaceAll("<[^>]+>", "").split("\\{\\d+}")) {
                String text = part.replaceAll("^[«»\\s.]+|[\\s.…]+$", "");
                if (text.length() >= 5 && welsh.values().stream().noneMatch(cy -> String.valueOf(cy).contains(text))) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    static Path themesJar() {
        Path lib = Path.of("../.devservices");
        try (DirectoryStream<Path> distributions = Files.newDirectoryStream(lib, "keycloak-*")) {
            for (Path distribution : distributions) {
                Path main = distribution.resolve("lib/lib/main");
                if (Files.isDirectory(main)) {
                    try (DirectoryStream<Path> jars = Files.newDirectoryStream(main, "org.keycloak.keycloak-themes-[0-9]*.jar")) {
                        for (Path jar : jars) {
                            return jar;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no Keycloak distribution in .devservices/ (the devservices module unpacks it)");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
