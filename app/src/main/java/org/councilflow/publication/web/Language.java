package org.councilflow.publication.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.tenancy.Tenant;
import org.springframework.http.ResponseCookie;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which language a public response is in (ADR 0015): one the council publishes in, chosen by the address
 * ({@code ?lang=cy}), else by the reader's remembered choice (a cookie set by the switch), else the council's first
 * language (Welsh on a bilingual site, as the Welsh Language Standards expect).
 *
 * @param tag {@code en} or {@code cy}
 * @param fromAddress whether the address named it: then the response is the same for everyone; otherwise, on a
 *     bilingual site, it depends on the cookie and says so ({@code Vary: Cookie})
 */
record Language(String tag, boolean fromAddress, boolean bilingual) {

    static final String PARAMETER = "lang";
    static final String COOKIE = "councilflow-lang";

    static Language of(HttpServletRequest request, Tenant council) {
        SiteLanguages languages = council == null ? SiteLanguages.ENGLISH : council.settings().languages();
        boolean bilingual = languages == SiteLanguages.BILINGUAL;
        String asked = request.getParameter(PARAMETER);
        if (asked != null && languages.offers(asked)) {
            return new Language(asked, true, bilingual);
        }
        if (bilingual) {
            Optional<String> remembered = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
                    .filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).filter(languages::offers).findFirst();
            if (remembered.isPresent()) {
                return new Language(remembered.get(), false, true);
            }
        }
        return new Language(languages.first(), false, bilingual);
    }

    /** Whether the response depends on the reader's cookie (a shared cache must keep one copy per cookie). */
    boolean variesByCookie() {
        return bilingual && !fromAddress;
    }

    /** Remembers a reader's choice for this council's site for a year; read by the server only. */
    static ResponseCookie remember(Tenant council, String tag) {
        return ResponseCookie.from(COOKIE, tag).path("/councils/" + council.slug()).maxAge(Duration.ofDays(365))
                .httpOnly(true).sameSite("Lax").build();
    }
}
