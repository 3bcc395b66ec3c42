package org.councilflow.publication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.councilflow.reports.ReportDocument;
import org.junit.jupiter.api.Test;

/** The Welsh bundle holds every English key, as valid patterns, and Welsh dates come from the JDK's CLDR data. */
class WelshMessagesTests {

    static final Locale WELSH = Locale.forLanguageTag("cy");

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WelshMessagesTests.class.getResourceAsStream("/publication/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyEnglishKeyHasAWelshTextAndNoWelshKeyIsUnknown() throws IOException {
        Properties english = bundle("messages");
        Properties welsh = bundle("messages_cy");
        List<String> missing = english.stringPropertyNames().stream().filter(k -> !welsh.containsKey(k)).sorted().toList();
        List<String> unknown = welsh.stringPropertyNames().stream().filter(k -> !english.containsKey(k)).sorted().toList();
        assertThat(missing).as("English keys without a Welsh text").isEmpty();
        assertThat(unknown).as("Welsh keys the English bundle does not have").isEmpty();
        assertThat(welsh.stringPropertyNames()).allSatisfy(key -> assertThat(welsh.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void welshTextsAreValidPatternsWithTheSameArgumentsAsTheEnglish() throws IOException {
        Properties english = bundle("messages");
        Properties welsh = bundle("messages_cy");
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("format.")) {
                continue;
            }
            int englishArguments = new MessageFormat(english.getProperty(key), Locale.UK).getFormatsByArgumentIndex().length;
            int welshArguments = new MessageFormat(welsh.getProperty(key), WELSH).getFormatsByArgumentIndex().length;
            if (englishArguments != welshArguments) {
                wrong.add(key + ": " + englishArguments + " arguments in English, " + welshArguments + " in Welsh");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWelshLocalizerWritesWelshWordsAndDates() {
        Localizer l = Localizer.of(WELSH);
        assertThat(l.lang()).isEqualTo("cy");
        assertThat(l.date(LocalDate.of(2019, 3, 25))).isEqualTo("25 Mawrth 2019");
        assertThat(l.day(LocalDate.of(2019, 3, 25).atTime(12, 0).toInstant(ZoneOffset.UTC))).isEqualTo("Dydd Llun 25 Mawrth 2019");
        assertThat(l.numeric(LocalDate.of(2019, 3, 25))).isEqualTo("25/03/2019");
        assertThat(l.t("item.minutes")).isEqualTo("Cofnodion");
        assertThat(l.t("meeting.agenda")).isEqualTo("Rhaglen");
        assertThat(l.t("decision.callIn")).isEqualTo("Galw i mewn");
        assertThat(l.label("RECOMMENDATIONS_APPROVED")).isEqualTo("Cymeradwywyd yr argymhellion");
        assertThat(l.t("search.results", 3)).startsWith("3 canlyniad");
        assertThat(Localizer.of(Locale.UK).t("frame.switch")).isEqualTo("Cymraeg");
        assertThat(l.t("frame.switch")).isEqualTo("English");
    }

    @Test
    void aTextInOneLanguageOnlyIsShownInItMarkedOnThePageOfTheOther() {
        Localizer welsh = Localizer.of(WELSH);
        Localizer english = Localizer.of(Locale.UK);
        assertThat(welsh.pick("Progress report", "Adroddiad cynnydd")).isEqualTo(new Localizer.Shown("Adroddiad cynnydd", "cy", false));
        assertThat(welsh.pick("Progress report", " ")).isEqualTo(new Localizer.Shown("Progress report", "en", true));
        assertThat(english.pick("Progress report", "Adroddiad cynnydd")).isEqualTo(new Localizer.Shown("Progress report", "en", false));
        assertThat(english.pick(null, "Adroddiad cynnydd")).isEqualTo(new Localizer.Shown("Adroddiad cynnydd", "cy", true));
        ReportDocument.Header header = new ReportDocument.Header(null, null, "Title", null, null, ReportDocument.Status.PUBLIC,
                null, false, false, null, null);
        ReportDocument document = new ReportDocument(null, null, null, header, "Summary", List.of("That the committee note"),
                List.of(), new ReportDocument.Welsh("Teitl", null, List.of()));
        assertThat(welsh.title(document).text()).isEqualTo("Teitl");
        assertThat(welsh.summary(document)).isEqualTo(new Localizer.Shown("Summary", "en", true));
        assertThat(welsh.recommendations(document)).isEqualTo(new Localizer.ShownList(List.of("That the committee note"), "en", true));
        assertThat(english.recommendations(document).fallback()).isFalse();
    }
}
