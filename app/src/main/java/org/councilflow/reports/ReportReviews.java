package org.councilflow.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.RefusedException;
import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.reports.internal.ReportRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reviewers say about a report: comments on its parts (managers and the board), and the board's challenges,
 * which the report's authors answer and the board closes. Each names the version it was made on.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Reports.STAFF)
public class ReportReviews {

    private static final Set<String> PARTS = Set.of("header", "summary", "recommendations", "body", "reasons",
            "alternatives", "postDecision", "implications", "backgroundPapers", "general");

    private final JdbcClient jdbc;
    private final ReportRepository reports;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;

    ReportReviews(JdbcClient jdbc, ReportRepository reports, CurrentUsers users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.users = users;
        this.events = events;
    }

    public record Comment(UUID id, String part, int version, String author, String text, Instant createdAt) {
    }

    public enum ChallengeStatus {
        OPEN, ANSWERED, CLOSED
    }

    public record Challenge(UUID id, String part, int version, String raisedBy, Instant raisedAt, String question,
            ChallengeStatus status, String answer, String answeredBy, Instant answeredAt, String closedBy,
            Instant closedAt, int revision) {
    }

    public List<Comment> comments(UUID report) {
        requireReport(report);
        return jdbc.sql("SELECT * FROM app.report_comment WHERE tenant_id = :tenant AND report_id = :report ORDER BY created_at, id")
                .param("tenant", tenant()).param("report", report)
                .query((rs, n) -> new Comment(rs.getObject("id", UUID.class), rs.getString("part"), rs.getInt("version"),
                        rs.getString("author"), rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    @PreAuthorize(Reports.REVIEWERS)
    public Comment comment(UUID report, String part, String text) {
        int version = requireReport(report).latestVersion();
        requirePart(part);
        String body = requireText(text, 5000, "A comment");
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO app.report_comment (id, tenant_id, report_id, part, version, author, text) VALUES (:id, :tenant, :report, :part, :version, :author, :text)")
                .param("id", id).param("tenant", tenant()).param("report", report).param("part", part)
                .param("version", version).param("author", me()).param("text", body).update();
        events.publishEvent(Audited.inCurrentTenant("report.commented", "report", report.toString(), null,
                Map.of("part", part, "version", version)));
        return comments(report).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    public List<Challenge> challenges(UUID report) {
        requireReport(report);
        return jdbc.sql("SELECT * FROM app.board_challenge WHERE tenant_id = :tenant AND report_id = :report ORDER BY raised_at, id")
                .param("tenant", tenant()).param("report", report)
                .query((rs, n) -> new Challenge(rs.getObject("id", UUID.class), rs.getString("part"), rs.getInt("version"),
                        rs.getString("raised_by"), instant(rs.getTimestamp("raised_at")), rs.getString("question"),
                        ChallengeStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getString("answered_by"),
                        instant(rs.getTimestamp("answered_at")), rs.getString("closed_by"), instant(rs.getTimestamp("closed_at")),
                        rs.getInt("revision")))
                .list();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('BOARD', 'BOARD_CHAIR')")
    public Challenge raise(UUID report, String part, String question) {
        int version = requireReport(report).latestVersion();
        requirePart(part);
        String body = requireText(question, 5000, "A challenge");
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO app.board_challenge (id, tenant_id, report_id, part, version, raised_by, question) VALUES (:id, :tenant, :report, :part, :version, :by, :question)")
                .param("id", id).param("tenant", tenant()).param("report", report).param("part", part)
                .param("version", version).param("by", me()).param("question", body).update();
        events.publishEvent(Audited.inCurrentTenant("report.challenge-raised", "report", report.toString(), null,
                Map.of("challenge", id.toString(), "part", part)));
        return challenge(report, id);
    }

    /** The author answers an open (or answered, to improve the answer) challenge, over the revision they loaded. */
    @Transactional
    @PreAuthorize("hasAnyRole('AUTHOR', 'MANAGER')")
    public Challenge answer(UUID report, UUID challenge, String answer, int revision) {
        Challenge before = challenge(report, challenge);
        if (before.status() == ChallengeStatus.CLOSED) {
            throw new ConflictException(Refusal.of("challenge.closed", before.closedBy()));
        }
        String body = requireText(answer, 10000, "An answer");
        int updated = jdbc.sql("""
                UPDATE app.board_challenge SET answer = :answer, answered_by = :by, answered_at = now(), status = 'ANSWERED',
                       revision = revision + 1
                WHERE tenant_id = :tenant AND id = :id AND revision = :revision AND status <> 'CLOSED'""")
                .param("answer", body).param("by", me()).param("tenant", tenant()).param("id", challenge)
                .param("revision", revision).update();
        if (updated == 0) {
            throw stale(challenge(report, challenge));
        }
        events.publishEvent(Audited.inCurrentTenant("report.challenge-answered", "report", report.toString(), null,
                Map.of("challenge", challenge.toString())));
        return challenge(report, challenge);
    }

    /** The board closes a challenge once satisfied with the answer. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOARD', 'BOARD_CHAIR')")
    public Challenge close(UUID report, UUID challenge, int revision) {
        Challenge before = challenge(report, challenge);
        if (before.status() == ChallengeStatus.OPEN) {
            throw new ConflictException(Refusal.of("challenge.unanswered"));
        }
        int updated = jdbc.sql("""
                UPDATE app.board_challenge SET status = 'CLOSED', closed_by = :by, closed_at = now(), revision = revision + 1
                WHERE tenant_id = :tenant AND id = :id AND revision = :revision AND status = 'ANSWERED'""")
                .param("by", me()).param("tenant", tenant()).param("id", challenge).param("revision", revision).update();
        if (updated == 0) {
            throw stale(challenge(report, challenge));
        }
        events.publishEvent(Audited.inCurrentTenant("report.challenge-closed", "report", report.toString(), null,
                Map.of("challenge", challenge.toString())));
        return challenge(report, challenge);
    }

    private Challenge challenge(UUID report, UUID id) {
        return challenges(report).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No challenge " + id + " on this report"));
    }

    private static ConflictException stale(Challenge now) {
        return new ConflictException(now.status() == ChallengeStatus.CLOSED ? Refusal.of("challenge.closedMeanwhile", now.closedBy())
                : Refusal.of("challenge.answeredMeanwhile", now.answeredBy()));
    }

    private ReportRepository.Row requireReport(UUID report) {
        return reports.find(tenant(), report).orElseThrow(() -> new NotFoundException("No report " + report + " in this council"));
    }

    private static void requirePart(String part) {
        if (part == null || !PARTS.contains(part)) {
            throw RefusedException.of("comment.partRequired");
        }
    }

    private static String requireText(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " needs some text");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return text.strip();
    }

    private String me() {
        return users.require().username();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
