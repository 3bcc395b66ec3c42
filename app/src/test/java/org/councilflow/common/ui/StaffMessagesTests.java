package org.councilflow.common.ui;

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
 * The staff UI's bundle is complete in Welsh, and no view hands Vaadin an English sentence of its own: every
 * user-visible text goes through the bundle ({@code getTranslation} or {@link Words}).
 */
class StaffMessagesTests {

    /**
     * A literal with a word in it (two letters in a row) passed to what Vaadin shows: a component's text, a label, a
     * heading, a placeholder, helper text, an ARIA label, a menu item, a notification.
     */
    static final Pattern LITERAL_TEXT = Pattern.compile("(?:new (?:Button|H[1-6]|Span|Paragraph|Div|Text|ListItem|Anchor|"
            + "TextField|TextArea|Checkbox|NativeLabel|Details|Tab|IntegerField|NumberField|EmailField|PasswordField|"
            + "DatePicker|DateTimePicker|TimePicker|Notification|ConfirmDialog|SideNavItem|MenuItem|Emphasis|Strong)"
            + "|\\.(?:setText|setLabel|setHeader|setHeaderTitle|setPlaceholder|setHelperText|setAriaLabel|addItem|"
            + "setConfirmText|setCancelText|setRejectText|setSummaryText|setErrorMessage|setTooltipText|setEmptyStateText|"
            + "date|dateTime|time|add)|Badge\\.of|Notification\\.show|Feedback\\.(?:error|success))"
            + "\\((?:[^()\";]*,\\s*)?\"([^\"]*[A-Za-z]{2}[^\"]*)\"");

    /** An address, not words: a link's target or a placeholder URL. */
    static final Pattern ADDRESS = Pattern.compile("^(?:/|#|https?:)");
    static final Pattern RELATIVE_LINK = Pattern.compile("^[a-z0-9-]+(?:/[a-z0-9-]*)*$");

    @Test
    void everyEnglishKeyHasAWelshTextAndTheSamePlaceholders() {
        Properties english = load("messages.properties");
        Properties welsh = load("messages_cy.properties");
        assertThat(english).isNotEmpty();
        Map<String, String> problems = WelshBundles.problems(english, welsh);
        assertThat(problems).as("the staff UI's Welsh bundle against the English one").isEmpty();
    }

    @Test
    void theProviderAnswersInTheUisLanguageAndFillsPlaceholdersAsTheyAre() {
        StaffMessages messages = new StaffMessages();
        assertThat(messages.getTranslation("shell.signOut", StaffLanguage.ENGLISH)).isEqualTo("Sign out");
        assertThat(messages.getTranslation("shell.signOut", StaffLanguage.WELSH)).isEqualTo("Allgofnodi");
        assertThat(messages.getTranslation("shell.signOut", Locale.forLanguageTag("cy"))).isEqualTo("Allgofnodi");
        // an apostrophe is no quote: the placeholder after it is still filled
        assertThat(messages.getTranslation("shell.signedInAs", StaffLanguage.WELSH, "dafydd", "awdur"))
                .isEqualTo("Wedi mewngofnodi fel dafydd (awdur)");
        assertThat(messages.getTranslation("shell.skip", StaffLanguage.WELSH)).isEqualTo("Neidio i'r prif gynnwys");
        assertThat(messages.getTranslation("no.such.key", StaffLanguage.WELSH)).isEqualTo("!no.such.key!");
    }

    @Test
    void welshDatePickersNameMonthsAndDaysInWelshAndKeepBritishOrder() {
        var i18n = BritishPickers.i18n(StaffLanguage.WELSH);
        assertThat(i18n.getMonthNames()).containsExactly("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
                "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr");
        assertThat(i18n.getWeekdays()).containsExactly("Sul", "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn");
        assertThat(i18n.getFirstDayOfWeek()).as("Monday first").isEqualTo(1);
        assertThat(i18n.getDateFormats()).startsWith("dd/MM/yyyy");
        assertThat(i18n.getToday()).isEqualTo("Heddiw");
        assertThat(BritishPickers.i18n(StaffLanguage.ENGLISH).getMonthNames()).startsWith("January");
    }

    @Test
    void noViewPassesALiteralEnglishTextToVaadin() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/councilflow"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.getParent().endsWith("ui")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("import com.vaadin.")) {
                    continue; // a servlet filter's plain page before the UI starts, not Vaadin
                }
                Matcher matcher = LITERAL_TEXT.matcher(source);
                while (matcher.find()) {
                    if (ADDRESS.matcher(matcher.group(1)).find() || matcher.group().startsWith("new Anchor(\"")
                            && RELATIVE_LINK.matcher(matcher.group(1)).matches()) {
                        continue;
                    }
                    found.computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>()).add(matcher.group(1));
                }
            }
        }
        assertThat(found).as("English text in views, not from the staff UI's bundle").isEmpty();
    }

    @Test
    void theScanSeesTheWaysTextIsHandedToVaadin() {
        for (String line : new String[] {"new Button(\"Save\")", "grid.addColumn(x).setHeader(\"Title\")",
                "new Anchor(href, \"Open report\")", "field.setLabel(\"Due date\")", "Feedback.success(\"Saved.\")",
                "new H2(\"Welcome, \" + name)", "Badge.of(\"Withdrawn\", Badge.Tone.WARNING)"}) {
            assertThat(LITERAL_TEXT.matcher(line).find()).as(line).isTrue();
        }
        for (String line : new String[] {"new Span(\" · \")", "new Button(getTranslation(\"inbox.claim\"))",
                "element.setAttribute(\"aria-hidden\", \"true\")", "getStyle().set(\"color\", \"red\")"}) {
            assertThat(LITERAL_TEXT.matcher(line).find()).as(line).isFalse();
        }
    }

    private static Properties load(String name) {
        return WelshBundles.load("/" + StaffMessages.BUNDLE.replace("messages", "") + name);
    }
}
