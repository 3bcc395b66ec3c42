package org.councilflow.common.ui;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The staff UI's words, from the bundle {@code staff/i18n/messages} (British English) and {@code messages_cy}
 * (Welsh; a test holds every English key to a Welsh value). Vaadin finds this bean and every
 * {@code getTranslation(key, args)} of a view comes here in the UI's locale ({@link StaffLanguage}).
 * <p>
 * Placeholders are {@code {0}}, {@code {1}}, … replaced as they are, without {@code MessageFormat}'s quoting rules: Welsh
 * is full of apostrophes ("i'r", "o'r") and a forgotten doubled quote would silently swallow a placeholder.
 */
@Component
public class StaffMessages implements I18NProvider {

    static final String BUNDLE = "staff/i18n/messages";
    private static final Logger log = LoggerFactory.getLogger(StaffMessages.class);
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(StaffLanguage.ENGLISH, StaffLanguage.WELSH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String text;
        try {
            text = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            log.warn("No staff UI text for key {}", key);
            return "!" + key + "!";
        }
        return fill(text, params);
    }

    static ResourceBundle bundle(Locale locale) {
        Locale language = locale != null && StaffLanguage.WELSH.getLanguage().equals(locale.getLanguage())
                ? Locale.forLanguageTag("cy") : Locale.ROOT;
        // properties bundles are read as UTF-8 (Java 9 and later): ŵ, ŷ and â as they are
        return ResourceBundle.getBundle(BUNDLE, language, StaffMessages.class.getClassLoader(), NO_FALLBACK);
    }

    static String fill(String text, Object... params) {
        if (params == null) {
            return text;
        }
        String filled = text;
        for (int i = 0; i < params.length; i++) {
            filled = filled.replace("{" + i + "}", String.valueOf(params[i]));
        }
        return filled;
    }
}
