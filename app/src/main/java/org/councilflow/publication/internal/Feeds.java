package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.Tenant;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** Atom 1.0 feeds (RFC 4287) of a council's published decisions and meetings, written with ROME. */
public final class Feeds {

    private Feeds() {
    }

    /**
     * @param base the site's absolute address up to and including {@code /councils/{slug}}
     * @param selfPath the feed's own path below it
     */
    public static String decisions(Tenant council, String base, String selfPath, String title,
            List<Published<DecisionSnapshot>> decisions, Instant updated, Locale language) {
        List<SyndEntry> entries = new ArrayList<>();
        Localizer l = Localizer.of(language);
        for (Published<DecisionSnapshot> published : decisions) {
            DecisionSnapshot d = published.content();
            SyndEntry entry = entry("urn:uuid:" + d.decisionId(), l.t("decision.title", l.title(d).text()),
                    base + "/decisions/" + d.decisionId(), published.firstPublishedAt(), published.publishedAt());
            // the resolutions in the feed's language where recorded in it, else in the other (ADR 0023)
            String resolutions = "cy".equals(l.resolutions(d).lang()) ? d.resolutionsTextCy() : d.resolutionsText();
            entry.setDescription(text(l.t("feed.decision", l.label(d.status()), l.maker(d).text(), l.date(d.decidedOn()))
                    + " " + resolutions));
            entries.add(entry);
        }
        return feed(council, base, selfPath, "/decisions", title, entries, updated, language);
    }

    public static String meetings(Tenant council, String base, String selfPath, String title,
            List<Published<MeetingSnapshot>> meetings, Instant updated, Locale language) {
        List<SyndEntry> entries = new ArrayList<>();
        Localizer l = Localizer.of(language);
        for (Published<MeetingSnapshot> published : meetings) {
            MeetingSnapshot m = published.content();
            SyndEntry entry = entry("urn:uuid:" + m.meetingId(), l.t("meetings.when", l.t("meeting.name", l.committee(m).text(),
                    l.date(m.startsAt())), l.time(m.startsAt())),
                    base + "/meetings/" + m.meetingId(), published.firstPublishedAt(), published.publishedAt());
            String place = AgendaLines.place(m, l);
            String status = m.status() == null || "SCHEDULED".equals(m.status()) ? ""
                    : " " + l.label(m.status()) + (m.statusNote() == null ? "" : ": " + m.statusNote());
            entry.setDescription(text(l.t("feed.meeting", l.committee(m).text(), l.day(m.startsAt()), l.time(m.startsAt()),
                    place) + status + "\n" + String.join("\n", AgendaLines.of(m, java.util.Map.of()))));
            entries.add(entry);
        }
        return feed(council, base, selfPath, "/meetings", title, entries, updated, language);
    }

    private static SyndEntry entry(String id, String title, String link, Instant published, Instant updated) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setTitle(Text.neutral(title));
        entry.setLink(link);
        entry.setPublishedDate(Date.from(published));
        entry.setUpdatedDate(Date.from(updated));
        return entry;
    }

    private static SyndContent text(String value) {
        SyndContent content = new SyndContentImpl();
        content.setType("text");
        content.setValue(Text.neutral(value));
        return content;
    }

    private static String feed(Tenant council, String base, String selfPath, String htmlPath, String title,
            List<SyndEntry> entries, Instant updated, Locale language) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(base + selfPath);
        feed.setTitle(Text.neutral(title));
        feed.setLanguage(language.toLanguageTag());
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(base + htmlPath);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType("application/atom+xml");
        self.setHref(base + selfPath);
        feed.setLinks(List.of(alternate, self));
        SyndPerson author = new SyndPersonImpl();
        author.setName(council.displayName());
        author.setUri(base);
        feed.setAuthors(List.of(author));
        feed.setPublishedDate(Date.from(updated));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }
}
