package org.councilflow.publication.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.documents.Documents;
import org.councilflow.publication.internal.Snapshots.SearchHit;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Snapshots.ReportSnapshot;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.PublicCouncils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may read of the current council, without signing in: its publications and nothing else. The council
 * of the request was set from the public path by the tenant resolution filter, which lets only active councils in.
 */
@Service
@Transactional(readOnly = true)
public class PublicSite {

    public static final int SEARCH_LIMIT = 50;

    private final PublicationStore store;
    private final PublicCouncils councils;
    private final Documents documents;

    PublicSite(PublicationStore store, PublicCouncils councils, Documents documents) {
        this.store = store;
        this.councils = councils;
        this.documents = documents;
    }

    /** The council of the request, as the tenant resolution filter found it (held in memory, no query). */
    public Tenant council() {
        return councils.current();
    }

    /** Meetings whose agenda is published, latest first; of one committee when {@code committee} is given. */
    public List<Published<MeetingSnapshot>> meetings(UUID committee) {
        return store.all(PublicationKind.MEETING, committee, MeetingSnapshot.class).stream()
                .sorted(Comparator.comparing((Published<MeetingSnapshot> m) -> m.content().startsAt()).reversed())
                .toList();
    }

    public Optional<Published<MeetingSnapshot>> meeting(UUID id) {
        return store.latest(PublicationKind.MEETING, id, MeetingSnapshot.class);
    }

    public Optional<Published<ReportSnapshot>> report(UUID id) {
        return store.latest(PublicationKind.REPORT, id, ReportSnapshot.class);
    }

    /** Published decisions, most recently published first; of one committee when {@code committee} is given. */
    public List<Published<DecisionSnapshot>> decisions(UUID committee) {
        return store.all(PublicationKind.DECISION, committee, DecisionSnapshot.class).stream()
                .sorted(Comparator.comparing((Published<DecisionSnapshot> d) -> d.content().publishedAt())
                        .thenComparing(d -> d.content().decisionId()).reversed())
                .toList();
    }

    public Optional<Published<DecisionSnapshot>> decision(UUID id) {
        return store.latest(PublicationKind.DECISION, id, DecisionSnapshot.class);
    }

    /** The published decision taken on a report at a meeting, if any. */
    public Optional<Published<DecisionSnapshot>> decision(UUID reportId, UUID meetingId) {
        return decision(Publisher.decisionId(reportId, meetingId));
    }

    public List<Published<JourneySnapshot>> journeys() {
        return store.all(PublicationKind.JOURNEY, null, JourneySnapshot.class).stream()
                .sorted(Comparator.comparing(j -> j.content().title())).toList();
    }

    public Optional<Published<JourneySnapshot>> journey(UUID planId) {
        return store.latest(PublicationKind.JOURNEY, planId, JourneySnapshot.class);
    }

    public List<SearchHit> search(String query) {
        return store.search(query, SEARCH_LIMIT);
    }

    public Optional<Instant> lastPublished(PublicationKind... kinds) {
        return store.lastPublished(kinds);
    }

    /** The bytes of a document the council published (an appendix or an inspection letter). */
    public byte[] content(DocumentRef document) {
        return documents.content(document.documentId());
    }
}
