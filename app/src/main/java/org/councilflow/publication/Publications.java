package org.councilflow.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.publication.internal.PublicSite;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.MeetingSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the current council has published, as the staff UI lists it: exactly what its public site shows (read from
 * the same publications, never from the working data), each with the path of its public page. Councillors read
 * their council's papers here; democratic services follow a report to its public page.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Publications {

    private final PublicSite site;

    Publications(PublicSite site) {
        this.site = site;
    }

    /** Meetings whose agenda is published, latest first, with their public (non-exempt) reports. */
    public List<PublishedAgenda> agendas() {
        String slug = TenantContext.require();
        return site.meetings(null).stream().map(meeting -> agenda(slug, meeting)).toList();
    }

    /** Published decisions, most recently published first. */
    public List<PublishedDecision> decisions() {
        String slug = TenantContext.require();
        return site.decisions(null).stream().map(d -> decision(slug, d.content())).toList();
    }

    /** The published decision on a report at a meeting, if there is one. */
    public Optional<PublishedDecision> decision(UUID reportId, UUID meetingId) {
        String slug = TenantContext.require();
        return site.decision(reportId, meetingId).map(d -> decision(slug, d.content()));
    }

    /** The public page of a report, once an agenda published it. */
    public Optional<String> reportPath(UUID reportId) {
        return site.report(reportId).map(r -> "/councils/" + TenantContext.require() + "/reports/" + reportId);
    }

    private PublishedAgenda agenda(String slug, Published<MeetingSnapshot> published) {
        MeetingSnapshot meeting = published.content();
        List<PublishedReport> reports = meeting.items().stream().filter(item -> !item.exempt())
                .flatMap(item -> site.report(item.reportId()).stream()
                        .map(r -> new PublishedReport(item.reportId(), item.position(),
                                r.content().document().header().title(), "/councils/" + slug + "/reports/" + item.reportId())))
                .toList();
        return new PublishedAgenda(meeting.meetingId(), meeting.committeeName(), meeting.startsAt(), meeting.venue(),
                published.publishedAt(), "/councils/" + slug + "/meetings/" + meeting.meetingId(), reports);
    }

    private static PublishedDecision decision(String slug, DecisionSnapshot d) {
        return new PublishedDecision(d.decisionId(), d.reportId(), d.meetingId(), d.reportTitle(), d.decisionMaker(),
                d.status(), d.decidedOn(), d.publishedAt(), d.subjectToCallIn(), d.callInEndsAt(), d.calledInAt(),
                "/councils/" + slug + "/decisions/" + d.decisionId());
    }

    /** @param path where its public page is */
    public record PublishedAgenda(UUID meetingId, String committeeName, Instant startsAt, String venue,
            Instant publishedAt, String path, List<PublishedReport> reports) {
    }

    public record PublishedReport(UUID reportId, int item, String title, String path) {
    }

    public record PublishedDecision(UUID decisionId, UUID reportId, UUID meetingId, String reportTitle,
            String decisionMaker, String status, LocalDate decidedOn, Instant publishedAt, boolean subjectToCallIn,
            Instant callInEndsAt, Instant calledInAt, String path) {

        /** Whether a councillor may still ask for it to be called in at {@code now}. */
        public boolean openToCallIn(Instant now) {
            return subjectToCallIn && calledInAt == null && callInEndsAt != null && now.isBefore(callInEndsAt);
        }
    }
}
