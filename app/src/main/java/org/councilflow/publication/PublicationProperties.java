package org.councilflow.publication;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param maxAge how long a shared cache (a proxy, a CDN) may serve a public page without asking again; pages change
 *     only by a new publication, and a conditional request costs little, so minutes rather than hours
 * @param publicBaseUrl the public site's address as readers reach it (scheme, host, optional port and path prefix),
 *     the start of every absolute link in feeds, open data, calendars and PDFs. Never taken from a request's
 *     {@code Host} or {@code X-Forwarded-Host}: those responses are cached publicly, so one forged header would
 *     hand poisoned links to every reader. Defaults to {@code councilflow.notifications.staff-url}, the same host.
 * @param locale the language of the public site's pages, PDFs and feeds (its words from the {@code publication}
 *     message bundle, its dates written as that language writes them, its {@code lang}); {@code en-GB} by default
 * @param searchConfiguration PostgreSQL's text search configuration for the public site's search ({@code english} by
 *     default: its stemming finds "inspections" for "inspection"); texts are indexed with it as they are published
 * @param pageCache memory for the public site's rendered responses, held until the council's publications change
 *     (ADR 0021); {@code 0} holds none
 */
@Validated
@ConfigurationProperties("councilflow.publication")
public record PublicationProperties(@NotNull Duration maxAge, @NotNull URI publicBaseUrl,
        @DefaultValue("en-GB") @NotNull Locale locale,
        @DefaultValue("english") @NotNull @Pattern(regexp = "[a-z_]{1,63}") String searchConfiguration,
        @DefaultValue("64MB") @NotNull DataSize pageCache) {

    public PublicationProperties {
        if (publicBaseUrl != null) {
            String scheme = publicBaseUrl.getScheme();
            if (!publicBaseUrl.isAbsolute() || publicBaseUrl.isOpaque() || publicBaseUrl.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null
                    || publicBaseUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("councilflow.publication.public-base-url (COUNCILFLOW_PUBLIC_BASE_URL) "
                        + "must be an absolute http(s) address without query, fragment or credentials, such as "
                        + "https://democracy.example.gov.uk; it is '" + publicBaseUrl + "'");
            }
            String text = publicBaseUrl.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            publicBaseUrl = URI.create(text);
        }
    }

    /** The public site of the council {@code slug}: the base of its absolute links. */
    public String councilBase(String slug) {
        return publicBaseUrl + "/councils/" + slug;
    }
}
