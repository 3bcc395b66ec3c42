package org.councilflow.publication.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.tenancy.Tenant;

/**
 * What every public page of one council in one language shares: the council (its name, links, stylesheet) and the
 * words and formats of the language it is rendered in.
 *
 * @param council null only for the 404 page outside any council
 * @param path this page's path below {@code /councils/{slug}} (for its link to the other language), null if none
 */
public record Frame(Tenant council, Localizer l, String path) {

    public Frame(Tenant council, Localizer l) {
        this(council, l, null);
    }

    /**
     * A link in the page's own council: {@code path} is below {@code /councils/{slug}}. On a bilingual site it names the
     * page's language ({@code ?lang=cy}, ADR 0015), so every link a reader follows stays in the language they read and
     * every such address is one page in one language that shared caches keep as it is.
     */
    public String href(String path) {
        String href = Html.href(council, path);
        return bilingual() ? href + (href.contains("?") ? "&" : "?") + "lang=" + l.language() : href;
    }

    /** Whether readers choose between Welsh and English here: the switch, {@code hreflang} alternates. */
    public boolean bilingual() {
        return council != null && council.settings().languages() == SiteLanguages.BILINGUAL && path != null;
    }

    /** The other language of a bilingual site: {@code en} on a Welsh page, {@code cy} on an English one. */
    public String other() {
        return "cy".equals(l.language()) ? "en" : "cy";
    }

    /** The switch to the other language: remembers the choice (a cookie), then shows this page in that language. */
    public String switchHref() {
        return Html.href(council, "/language/" + other() + "?page=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    /** This page in each language ({@code hreflang} alternates): the same address with {@code ?lang=}. */
    public List<String> languages() {
        return council.settings().languages().tags();
    }

    public String alternate(String language) {
        return Html.href(council, path) + "?lang=" + language;
    }

    public String stylesheet() {
        return council == null ? null : Html.stylesheet(council);
    }

    public String name() {
        return council.displayName();
    }

    public String t(String key, Object... args) {
        return l.t(key, args);
    }

    /** "Cabinet, 12 September 2018"; in Welsh with the committee's Welsh name where the council gave one. */
    public String meetingName(MeetingSnapshot meeting) {
        return l.t("meeting.name", l.committee(meeting).text(), l.date(meeting.startsAt()));
    }

    /** A step of the breadcrumb trail: its words and its path below the council's site. */
    public record Crumb(String label, String path) {
    }
}
