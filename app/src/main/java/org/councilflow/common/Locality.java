package org.councilflow.common;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The councils' time zone and language, one setting for every feature ({@code councilflow.locality.*}): working days,
 * due dates, e-mails, the staff UI and the public site all read it. The static accessors serve formatting helpers
 * that views and page builders call without injection (Vaadin components, the public site's text helpers); the
 * application installs the bound setting there once at start-up ({@code common.internal.LocalityInstaller}).
 *
 * @param zone the councils' time zone, e.g. {@code Europe/London}
 * @param locale the language dates and numbers are written in, e.g. {@code en-GB}
 */
@Validated
@ConfigurationProperties("councilflow.locality")
public record Locality(@NotNull ZoneId zone, @NotNull Locale locale) {

    private static volatile Locality installed;

    /** The councils' time zone, as configured. */
    public static ZoneId zoneId() {
        return current().zone();
    }

    /** The language dates and numbers are written in, as configured. */
    public static Locale language() {
        return current().locale();
    }

    /** Called once the setting is bound; later calls with the same setting are harmless (several contexts in tests). */
    public static void install(Locality locality) {
        installed = Objects.requireNonNull(locality);
    }

    private static Locality current() {
        Locality locality = installed;
        if (locality == null) {
            throw new IllegalStateException("councilflow.locality is not installed yet: the application has not started");
        }
        return locality;
    }
}
