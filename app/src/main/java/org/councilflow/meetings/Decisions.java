package org.councilflow.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.InvalidFieldException;
import org.councilflow.common.NotFoundException;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The decisions of the current council's committees. Democratic services record and publish them. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Decisions {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    Decisions(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Records (or, after a deferral and a new meeting, records again) the decision on a report at a meeting. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision record(UUID reportId, UUID meetingId, String status, LocalDate decidedOn, boolean keyDecision,
            List<Resolution> resolutions, String minutes, String recordedBy) {
        jdbc.sql("""
                INSERT INTO app.decision (report_id, tenant_id, meeting_id, status, decided_on, key_decision, resolutions,
                       minutes, recorded_by)
                VALUES (:report, :tenant, :meeting, :status, :decided, :key, CAST(:resolutions AS jsonb), :minutes, :by)
                ON CONFLICT (report_id, meeting_id) DO UPDATE SET status = excluded.status, decided_on = excluded.decided_on,
                       key_decision = excluded.key_decision, resolutions = excluded.resolutions, minutes = excluded.minutes,
                       recorded_by = excluded.recorded_by, recorded_at = now()""")
                .param("report", reportId).param("tenant", tenant()).param("meeting", meetingId).param("status", status)
                .param("decided", java.sql.Date.valueOf(decidedOn)).param("key", keyDecision)
                .param("resolutions", write(resolutions)).param("minutes", minutes).param("by", recordedBy)
                .update();
        return latest(reportId).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision publish(UUID reportId, boolean subjectToCallIn, Instant publishedAt, Instant callInEndsAt) {
        Decision decision = latest(reportId).orElseThrow(() -> new NotFoundException("No decision recorded on this report"));
        jdbc.sql("""
                UPDATE app.decision SET subject_to_call_in = :callIn, published_at = :published, call_in_ends_at = :ends
                WHERE tenant_id = :tenant AND report_id = :report AND meeting_id = :meeting""")
                .param("callIn", subjectToCallIn).param("published", Timestamp.from(publishedAt))
                .param("ends", subjectToCallIn ? Timestamp.from(callInEndsAt) : null)
                .param("tenant", tenant()).param("report", reportId).param("meeting", decision.meetingId())
                .update();
        events.publishEvent(new DecisionPublished(tenant(), reportId, decision.meetingId(), publishedAt));
        return latest(reportId).orElseThrow();
    }

    @Transactional
    public void calledIn(UUID reportId, Instant at) {
        List<UUID> meetings = jdbc.sql("""
                UPDATE app.decision SET called_in_at = :at WHERE tenant_id = :tenant AND report_id = :report
                AND published_at IS NOT NULL AND called_in_at IS NULL RETURNING meeting_id""")
                .param("at", Timestamp.from(at)).param("tenant", tenant()).param("report", reportId)
                .query(UUID.class).list();
        meetings.forEach(meeting -> events.publishEvent(new DecisionCalledIn(tenant(), reportId, meeting, at)));
    }

    /**
     * Corrects a published decision's resolutions and minutes: never silently, always as an amendment with a note that
     * the public page shows. Only over what the clerk loaded ({@code loaded}): if someone amended it meanwhile nothing
     * is saved (409).
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision amend(UUID reportId, Decision loaded, List<String> resolutions, String minutes, String note, Instant at) {
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw new InvalidFieldException("note", Refusal.of("decision.amendNote"));
        }
        if (resolutions == null || resolutions.isEmpty() || resolutions.size() > 100
                || resolutions.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 5000)) {
            throw new InvalidFieldException("resolutions", Refusal.of("decision.resolutionsLimits"));
        }
        if (minutes != null && minutes.length() > 200_000) {
            throw new InvalidFieldException("minutes", Refusal.of("decision.minutesLimit"));
        }
        jdbc.sql("SELECT 1 FROM app.decision WHERE tenant_id = :tenant AND report_id = :report AND meeting_id = :meeting FOR UPDATE")
                .param("tenant", tenant()).param("report", reportId).param("meeting", loaded.meetingId())
                .query(Integer.class).optional();
        Decision now = latest(reportId).orElseThrow(() -> new NotFoundException("No decision recorded on this report"));
        if (now.publishedAt() == null) {
            throw new ConflictException(Refusal.of("decision.notPublishedYet"));
        }
        if (!now.meetingId().equals(loaded.meetingId()) || !now.resolutions().equals(loaded.resolutions())
                || !Objects.equals(now.minutes(), loaded.minutes())) {
            throw new ConflictException(Refusal.of("decision.amendedMeanwhile"));
        }
        List<String> cleaned = resolutions.stream().map(String::strip).toList();
        // a resolution whose text the amendment leaves as it was keeps its sub-points
        List<Resolution> before = now.structuredResolutions();
        List<Resolution> amended = java.util.stream.IntStream.range(0, cleaned.size())
                .mapToObj(i -> new Resolution(cleaned.get(i), i < before.size() && before.get(i).text().equals(cleaned.get(i))
                        ? before.get(i).points() : List.of()))
                .toList();
        jdbc.sql("UPDATE app.decision SET resolutions = CAST(:resolutions AS jsonb), minutes = :minutes"
                + " WHERE tenant_id = :tenant AND report_id = :report AND meeting_id = :meeting")
                .param("resolutions", write(amended)).param("minutes", minutes).param("tenant", tenant())
                .param("report", reportId).param("meeting", now.meetingId()).update();
        events.publishEvent(Audited.inCurrentTenant("decision.amended", "report", reportId.toString(),
                Map.of("resolutions", now.resolutions()), Map.of("resolutions", cleaned, "note", note.strip())));
        events.publishEvent(new DecisionAmended(tenant(), reportId, now.meetingId(), at, note.strip()));
        return latest(reportId).orElseThrow();
    }

    /** The most recent decision on a report (a deferral is followed by the decision of a later meeting). */
    public Optional<Decision> latest(UUID reportId) {
        return jdbc.sql("""
                SELECT d.*, d.resolutions::text AS resolutions_json FROM app.decision d
                JOIN app.meeting m ON m.id = d.meeting_id AND m.tenant_id = d.tenant_id
                WHERE d.tenant_id = :tenant AND d.report_id = :report ORDER BY m.starts_at DESC LIMIT 1""")
                .param("tenant", tenant()).param("report", reportId)
                .query((rs, n) -> new Decision(reportId, rs.getObject("meeting_id", UUID.class), rs.getString("status"),
                        rs.getDate("decided_on").toLocalDate(), rs.getBoolean("key_decision"),
                        read(rs.getString("resolutions_json")).stream().map(Resolution::text).toList(),
                        rs.getString("minutes"), rs.getString("recorded_by"),
                        (Boolean) rs.getObject("subject_to_call_in"), instant(rs.getTimestamp("published_at")),
                        instant(rs.getTimestamp("call_in_ends_at")), instant(rs.getTimestamp("called_in_at")),
                        read(rs.getString("resolutions_json")), instant(rs.getTimestamp("effective_at"))))
                .optional();
    }

    /**
     * The latest decision as a person may read it: the council's staff once it is recorded, a councillor
     * ({@code member}) only once it is published, as the public sees it (and may then call it in).
     */
    @PostAuthorize("hasAnyRole('AUTHOR', 'MANAGER', 'BOARD', 'BOARD_CHAIR', 'CLERK', 'TENANT_ADMIN')"
            + " or returnObject.isEmpty() or returnObject.get().publishedAt() != null")
    public Optional<Decision> readable(UUID reportId) {
        return latest(reportId);
    }

    /** Every published decision, latest call-in period end first: for democratic services to watch call-in. */
    public List<Decision> published() {
        return jdbc.sql("""
                SELECT report_id FROM app.decision WHERE tenant_id = :tenant AND published_at IS NOT NULL
                ORDER BY call_in_ends_at DESC NULLS LAST, published_at DESC LIMIT 200""")
                .param("tenant", tenant()).query(UUID.class).list().stream()
                .map(this::latest).flatMap(Optional::stream).distinct().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private List<Resolution> read(String value) {
        try {
            return json.readValue(value, new TypeReference<List<Resolution>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<Resolution> resolutions) {
        try {
            return json.writeValueAsString(resolutions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
