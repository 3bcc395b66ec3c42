package org.councilflow.publication.internal;

import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.tenancy.Tenant;

/**
 * What every public page of one council in one language shares: the council (its name, links, stylesheet) and the
 * words and formats of the language it is rendered in.
 *
 * @param council null only for the 404 page outside any council
 */
public record Frame(Tenant council, Localizer l) {

    /** A link in the page's own council: {@code path} is below {@code /councils/{slug}}. */
    public String href(String path) {
        return Html.href(council, path);
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

    /** "Cabinet, 12 September 2018". */
    public String meetingName(MeetingSnapshot meeting) {
        return l.t("meeting.name", meeting.committeeName(), l.date(meeting.startsAt()));
    }

    /** A step of the breadcrumb trail: its words and its path below the council's site. */
    public record Crumb(String label, String path) {
    }
}
