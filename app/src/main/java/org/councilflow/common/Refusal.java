package org.councilflow.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Why a service refused something, as a message key of the bundle {@code common/i18n/refusals} (British English) and
 * {@code refusals_cy} (Welsh) with its arguments. Services raise it inside their exceptions without knowing who reads
 * it: the API's problem documents use the English text ({@link #english()}), the staff UI the person's language.
 * <p>
 * Placeholders {@code {0}}, {@code {1}}, … are replaced as they are, without {@code MessageFormat}'s quoting rules
 * (Welsh is full of apostrophes, which would swallow placeholders).
 */
public record Refusal(String key, List<Object> args) {

    static final String BUNDLE = "common/i18n/refusals";
    private static final Locale WELSH = Locale.forLanguageTag("cy");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Refusal {
        Objects.requireNonNull(key, "key");
        // arguments are shown as text (a Refusal among them in the same language); null reads as "null"
        args = List.copyOf(args.stream().map(a -> a instanceof Refusal ? a : (Object) String.valueOf(a)).toList());
    }

    public static Refusal of(String key, Object... args) {
        return new Refusal(key, Arrays.asList(args));
    }

    /** The text for the API, the logs and everyone reading English. */
    public String english() {
        return in(Locale.ROOT);
    }

    /** The text in {@code locale}'s language: Welsh for {@code cy}, English otherwise. */
    public String in(Locale locale) {
        String text;
        try {
            text = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // a key without text is a programming error the bundle tests catch; say something rather than nothing
            return key + " " + args;
        }
        return fill(text, locale);
    }

    private String fill(String text, Locale locale) {
        String filled = text;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            filled = filled.replace("{" + i + "}", arg instanceof Refusal part ? part.in(locale) : String.valueOf(arg));
        }
        return filled;
    }

    static ResourceBundle bundle(Locale locale) {
        Locale language = locale != null && WELSH.getLanguage().equals(locale.getLanguage()) ? WELSH : Locale.ROOT;
        // properties bundles are read as UTF-8 (Java 9 and later)
        return ResourceBundle.getBundle(BUNDLE, language, Refusal.class.getClassLoader(), NO_FALLBACK);
    }

    /** An exception that carries a {@link Refusal}, for readers who want it in their own language. */
    public interface Refused {

        /** The refusal, or null when the exception was raised with a plain English text. */
        Refusal refusal();

        /** The refusal's text in {@code locale}'s language (the exception's message when it has no refusal). */
        default String describe(Locale locale) {
            return refusal() == null ? ((Throwable) this).getMessage() : refusal().in(locale);
        }
    }
}
