package org.councilflow.publication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.PublishedMeetings;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current council's published meetings read from its publications, and nothing else. */
@Service
@Transactional(readOnly = true)
class MeetingRecords implements PublishedMeetings {

    private final PublicSite site;
    private final PublicationProperties properties;

    MeetingRecords(PublicSite site, PublicationProperties properties) {
        this.site = site;
        this.properties = properties;
    }

    @Override
    public List<Meeting> meetings(UUID committee) {
        return site.meetings(committee).stream()
                .map(m -> new Meeting(m.content().meetingId(), m.content().committeeId(), m.content().committeeName(),
                        m.content().startsAt(), m.content().venue(), m.firstPublishedAt(), m.publishedAt(), List.of()))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .toList();
    }

    @Override
    public Optional<Meeting> meeting(UUID id) {
        return site.meeting(id).map(this::meeting);
    }

    @Override
    public Instant lastPublished() {
        return site.lastPublished(PublicationKind.MEETING, PublicationKind.REPORT, PublicationKind.DECISION)
                .orElse(site.council().createdAt());
    }

    private Meeting meeting(Published<MeetingSnapshot> published) {
        MeetingSnapshot m = published.content();
        Instant modified = published.publishedAt();
        List<Item> items = new ArrayList<>();
        String base = properties.councilBase(TenantContext.require());
        for (MeetingSnapshot.Item item : m.items()) {
            Optional<Published<ReportSnapshot>> report = item.exempt() || item.reportId() == null ? Optional.empty()
                    : site.report(item.reportId());
            if (report.isEmpty()) {
                UUID exempt = UUID.nameUUIDFromBytes(("exempt:" + m.meetingId() + ":" + item.position())
                        .getBytes(StandardCharsets.UTF_8));
                items.add(new Item(exempt, item.position(), String.valueOf(item.position()), "Exempt item", null, true,
                        null, List.of()));
                continue;
            }
            ReportSnapshot r = report.get().content();
            modified = later(modified, report.get().publishedAt());
            List<Document> documents = new ArrayList<>();
            r.appendices().forEach(a -> documents.add(new Document(a.title(),
                    base + "/reports/" + r.reportId() + "/appendices/" + a.number())));
            if (r.imported() != null) {
                r.imported().links().forEach(l -> documents.add(new Document(l.title(), l.url())));
            }
            Optional<Published<DecisionSnapshot>> decision = site.decision(r.reportId(), m.meetingId());
            Decision d = null;
            if (decision.isPresent()) {
                DecisionSnapshot s = decision.get().content();
                modified = later(modified, decision.get().publishedAt());
                d = new Decision(s.status(), s.keyDecision(), s.resolutions(), s.minutes(), s.decidedOn(), s.publishedAt(),
                        s.subjectToCallIn() ? s.callInEndsAt() : null);
            }
            String number = r.imported() != null && r.imported().number() != null ? r.imported().number()
                    : String.valueOf(item.position());
            items.add(new Item(r.reportId(), item.position(), number, r.document().header().title(), r.document().summary(),
                    false, d, List.copyOf(documents)));
        }
        return new Meeting(m.meetingId(), m.committeeId(), m.committeeName(), m.startsAt(), m.venue(),
                published.firstPublishedAt(), modified, List.copyOf(items));
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
