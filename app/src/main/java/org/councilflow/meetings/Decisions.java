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
        return record(reportId, meetingId, status, decidedOn, keyDecision, resolutions, minutes, List.of(), null, recordedBy);
    }

    /**
     * As above, with the minutes and resolutions in Welsh beside the English, where the council gives them (ADR 0023):
     * an empty list and a blank text are none.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision record(UUID reportId, UUID meetingId, String status, LocalDate decidedOn, boolean keyDecision,
            List<Resolution> resolutions, String minutes, List<Resolution> resolutionsCy, String minutesCy,
            String recordedBy) {
        jdbc.sql("""
                INSERT INTO app.decision (report_id, tenant_id, meeting_id, status, decided_on, key_decision, resolutions,
                       minutes, recorded_by, resolutions_cy, minutes_cy)
                VALUES (:report, :tenant, :meeting, :status, :decided, :key, CAST(:resolutions AS jsonb), :minutes, :by,
                       CAST(:resolutionsCy AS jsonb), :minutesCy)
                ON CONFLICT (report_id, meeting_id) DO UPDATE SET status = excluded.status, decided_on = excluded.decided_on,
                       key_decision = excluded.key_decision, resolutions = excluded.resolutions, minutes = excluded.minutes,
                       recorded_by = excluded.recorded_by, recorded_at = now(), resolutions_cy = excluded.resolutions_cy,
                       minutes_cy = excluded.minutes_cy""")
                .param("report", reportId).param("tenant", tenant()).param("meeting", meetingId).param("status", status)
                .param("decided", java.sql.Date.valueOf(decidedOn)).param("key", keyDecision)
                .param("resolutions", write(resolutions)).param("minutes", minutes).param("by", recordedBy)
                .param("resolutionsCy", welsh(resolutionsCy)).param("minutesCy", blankIsNone(minutesCy))
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
     * is saved (409). The Welsh stays as it was.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision amend(UUID reportId, Decision loaded, List<String> resolutions, String minutes, String note, Instant at) {
        return amend(reportId, loaded, resolutions, minutes, loaded.resolutionsCy().stream().map(Resolution::text).toList(),
                loaded.minutesCy(), note, at);
    }

    /** As above, the Welsh resolutions and minutes corrected too (ADR 0023); the resolutions in one language at least. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Decision amend(UUID reportId, Decision loaded, List<String> resolutions, String minutes,
            List<String> resolutionsCy, String minutesCy, String note, Instant at) {
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw new InvalidFieldException("note", Refusal.of("decision.amendNote"));
        }
        List<String> english = resolutions == null ? List.of() : resolutions;
        List<String> welsh = resolutionsCy == null ? List.of() : resolutionsCy;
        if (!limited(english) || !limited(welsh) || english.isEmpty() && welsh.isEmpty()) {
            throw new InvalidFieldException(!limited(welsh) ? "resolutionsCy" : "resolutions", Refusal.of("decision.resolutionsLimits"));
        }
        if (minutes != null && minutes.length() > 200_000) {
            throw new InvalidFieldException("minutes", Refusal.of("decision.minutesLimit"));
        }
        if (minutesCy != null && minutesCy.length() > 200_000) {
            throw new InvalidFieldException("minutesCy", Refusal.of("decision.minutesLimit"));
        }
        jdbc.sql("SELECT 1 FROM app.decision WHERE tenant_id = :tenant AND report_id = :report AND meeting_id = :meeting FOR UPDATE")
                .param("tenant", tenant()).param("report", reportId).param("meeting", loaded.meetingId())
                .query(Integer.class).optional();
        Decision now = latest(reportId).orElseThrow(() -> new NotFoundException("No decision recorded on this report"));
        if (now.publishedAt() == null) {
            throw new ConflictException(Refusal.of("decision.notPublishedYet"));
        }
        if (!now.meetingId().equals(loaded.meetingId()) || !now.resolutions().equals(loaded.resolutions())
                || !Objects.equals(now.minutes(), loaded.minutes()) || !now.resolutionsCy().equals(loaded.resolutionsCy())
                || !Objects.equals(now.minutesCy(), loaded.minutesCy())) {
            throw new ConflictException(Refusal.of("decision.amendedMeanwhile"));
        }
        List<String> cleaned = english.stream().map(String::strip).toList();
        List<String> cleanedCy = welsh.stream().map(String::strip).toList();
        jdbc.sql("UPDATE app.decision SET resolutions = CAST(:resolutions AS jsonb), minutes = :minutes,"
                + " resolutions_cy = CAST(:resolutionsCy AS jsonb), minutes_cy = :minutesCy"
                + " WHERE tenant_id = :tenant AND report_id = :report AND meeting_id = :meeting")
                .param("resolutions", write(keepingPoints(now.structuredResolutions(), cleaned))).param("minutes", minutes)
                .param("resolutionsCy", welsh(keepingPoints(now.resolutionsCy(), cleanedCy)))
                .param("minutesCy", blankIsNone(minutesCy)).param("tenant", tenant())
                .param("report", reportId).param("meeting", now.meetingId()).update();
        events.publishEvent(Audited.inCurrentTenant("decision.amended", "report", reportId.toString(),
                Map.of("resolutions", now.resolutions(), "resolutionsCy", now.resolutionsCy().stream().map(Resolution::text).toList()),
                Map.of("resolutions", cleaned, "resolutionsCy", cleanedCy, "note", note.strip())));
        events.publishEvent(new DecisionAmended(tenant(), reportId, now.meetingId(), at, note.strip()));
        return latest(reportId).orElseThrow();
    }

    private static boolean limited(List<String> texts) {
        return texts.size() <= Resolution.MAX_RESOLUTIONS
                && texts.stream().allMatch(r -> r != null && !r.isBlank() && r.length() <= Resolution.MAX_TEXT);
    }

    /** A resolution whose text the amendment leaves as it was keeps its sub-points. */
    private static List<Resolution> keepingPoints(List<Resolution> before, List<String> texts) {
        return java.util.stream.IntStream.range(0, texts.size())
                .mapToObj(i -> new Resolution(texts.get(i), i < before.size() && before.get(i).text().equals(texts.get(i))
                        ? before.get(i).points() : List.of()))
                .toList();
    }

    /** The most recent decision on a report (a deferral is followed by the decision of a later meeting). */
    public Optional<Decision> latest(UUID reportId) {
        return jdbc.sql("""
                SELECT d.*, d.resolutions::text AS resolutions_json, d.resolutions_cy::text AS resolutions_cy_json
                FROM app.decision d
                JOIN app.meeting m ON m.id = d.meeting_id AND m.tenant_id = d.tenant_id
                WHERE d.tenant_id = :tenant AND d.report_id = :report ORDER BY m.starts_at DESC LIMIT 1""")
                .param("tenant", tenant()).param("report", reportId)
                .query((rs, n) -> new Decision(reportId, rs.getObject("meeting_id", UUID.class), rs.getString("status"),
                        rs.getDate("decided_on").toLocalDate(), rs.getBoolean("key_decision"),
                        read(rs.getString("resolutions_json")).stream().map(Resolution::text).toList(),
                        rs.getString("minutes"), rs.getString("recorded_by"),
                        (Boolean) rs.getObject("subject_to_call_in"), instant(rs.getTimestamp("published_at")),
                        instant(rs.getTimestamp("call_in_ends_at")), instant(rs.getTimestamp("called_in_at")),
                        read(rs.getString("resolutions_json")), instant(rs.getTimestamp("effective_at")),
                        rs.getString("minutes_cy"), rs.getString("resolutions_cy_json") == null ? List.of()
                                : read(rs.getString("resolutions_cy_json"))))
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

    /** None (SQL null) for no Welsh resolutions, so a decision without Welsh reads as it did before there was any. */
    private String welsh(List<Resolution> resolutions) {
        return resolutions == null || resolutions.isEmpty() ? null : write(resolutions);
    }

    private static String blankIsNone(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
