package org.councilflow.notifications.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.workflow.StageDueSoon;
import org.councilflow.workflow.StageEscalated;

/**
 * The cycle's e-mails in the council's language(s), their words from the {@code notifications/i18n/mail} bundle: a
 * bilingual council's message holds both, Welsh first, as the Welsh Language Standards expect (ADR 0015). Stage names
 * and report titles are the council's own text and stay as given.
 */
final class Letters {

    static final String BUNDLE = "notifications.i18n.mail";
    /** Between the Welsh and the English text of one message. */
    static final String DIVIDER = "\n— — —\n\n";

    private Letters() {
    }

    record Letter(String subject, String text) {
    }

    static Letter dueSoon(SiteLanguages languages, StageDueSoon due, String staffUrl) {
        return compose(languages, w -> new Letter(
                w.t("due.subject", w.when(due.dueAt()), due.stageName(), due.reportTitle()),
                w.t("due.text", due.stageName(), due.reportTitle(), w.when(due.dueAt()),
                        due.assignee() == null ? w.t("due.unclaimed", due.role()) : w.t("due.yours"), staffUrl)));
    }

    static Letter escalated(SiteLanguages languages, StageEscalated overdue, String role, String staffUrl) {
        return compose(languages, w -> new Letter(
                w.t("overdue.subject", overdue.stageName(), overdue.reportTitle()),
                w.t("overdue.text", overdue.stageName(), overdue.reportTitle(), w.when(overdue.dueAt()), role,
                        overdue.assignee() == null ? w.t("overdue.unclaimed") : w.t("overdue.held", overdue.assignee()),
                        staffUrl)));
    }

    private static Letter compose(SiteLanguages languages, Function<Words, Letter> one) {
        List<Letter> letters = languages.tags().stream().map(tag -> one.apply(new Words(tag))).toList();
        if (letters.size() == 1) {
            return letters.get(0);
        }
        return new Letter(String.join(" / ", letters.stream().map(Letter::subject).toList()),
                String.join(DIVIDER, letters.stream().map(Letter::text).toList()));
    }

    /** One language's words and date format. */
    private static final class Words {
        private final Locale locale;
        private final ResourceBundle bundle;
        private final DateTimeFormatter when;

        Words(String tag) {
            this.locale = "cy".equals(tag) ? Locale.forLanguageTag("cy") : org.councilflow.common.Locality.language();
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
            this.when = DateTimeFormatter.ofPattern(bundle.getString("format.when"), locale).withZone(org.councilflow.common.Locality.zoneId());
        }

        String t(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }

        String when(Instant instant) {
            return when.format(instant);
        }
    }
}
