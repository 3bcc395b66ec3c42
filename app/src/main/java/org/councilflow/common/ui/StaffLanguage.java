package org.councilflow.common.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;

import jakarta.servlet.http.Cookie;

/**
 * The language a person reads the staff UI in: English or Cymraeg, chosen in the user menu and remembered in a
 * cookie of this browser (it outlives signing out and in again, and needs no account attribute). Without a choice,
 * the council's first language ({@link DefaultLanguage}), else the configured locale ({@link UiProperties}).
 * Both are British: dd/MM/yyyy, Monday first, a 24-hour clock.
 */
public final class StaffLanguage {

    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    public static final Locale WELSH = Locale.forLanguageTag("cy-GB");
    static final String COOKIE = "councilflow-staff-lang";

    private StaffLanguage() {
    }

    /** The council's first language when the person has chosen none (a Welsh-only or bilingual council: Welsh). */
    public interface DefaultLanguage {
        Optional<Locale> forCurrentRequest();
    }

    /** {@code en} or {@code cy} as a locale of the staff UI; anything else is no choice. */
    public static Optional<Locale> of(String tag) {
        if ("cy".equals(tag)) {
            return Optional.of(WELSH);
        }
        if ("en".equals(tag)) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    /** The person's remembered choice, from the request's cookie. */
    public static Optional<Locale> chosen(VaadinRequest request) {
        return request == null ? Optional.empty() : chosen(request.getCookies());
    }

    /** The remembered choice among a request's cookies, also before sign-in (the identity provider's page). */
    public static Optional<Locale> chosen(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> of(c.getValue()));
    }

    public static boolean welsh(Locale locale) {
        return locale != null && WELSH.getLanguage().equals(locale.getLanguage());
    }

    /** The cookie that remembers a choice: a year, the whole staff UI, not for scripts. */
    public static Cookie cookie(Locale locale, boolean secure) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(secure);
        return cookie;
    }

    /** Remembers the choice (a year, the whole staff UI) and reloads the page, so everything is drawn in it. */
    public static void choose(Locale locale) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie cookie = cookie(locale, request != null && request.isSecure());
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(locale);
            ui.getSession().setLocale(locale);
            ui.getPage().reload();
        }
    }
}
