package org.councilflow.reports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.RefusedException;
import org.councilflow.common.Audited;
import org.councilflow.common.NotFoundException;
import org.councilflow.documents.CheckedDocument;
import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.reports.internal.ReportRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A report's appendices, numbered in order (Appendix 1, 2, …), each an uploaded PDF, Word or Excel document. */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Reports.STAFF)
public class ReportAppendices {

    private final ReportRepository reports;
    private final Reports drafts;
    private final Documents documents;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReportAppendices(ReportRepository reports, Reports drafts, Documents documents, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.reports = reports;
        this.drafts = drafts;
        this.documents = documents;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param number its number as an appendix of the report */
    public record Appendix(int number, String title, StoredDocument document) {
    }

    public List<Appendix> all(UUID report) {
        requireReport(report);
        return jdbc.sql("SELECT position, title, document_id FROM app.report_appendix WHERE tenant_id = :tenant AND report_id = :report ORDER BY position")
                .param("tenant", tenant()).param("report", report)
                .query((rs, n) -> new Appendix(rs.getInt("position"), rs.getString("title"),
                        documents.find(rs.getObject("document_id", UUID.class)).orElseThrow()))
                .list();
    }

    @Transactional
    @PreAuthorize(Reports.EDITORS)
    public Appendix add(UUID report, String title, CheckedDocument file) {
        if (title == null || title.isBlank() || title.length() > 300) {
            throw RefusedException.of("appendix.titleRequired");
        }
        drafts.lockForEditing(report); // a submitted report's appendices are part of what is signed off
        StoredDocument document = documents.store(file);
        int number = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM app.report_appendix WHERE tenant_id = :tenant AND report_id = :report")
                .param("tenant", tenant()).param("report", report).query(Integer.class).single();
        jdbc.sql("INSERT INTO app.report_appendix (report_id, tenant_id, position, title, document_id) VALUES (:report, :tenant, :position, :title, :document)")
                .param("report", report).param("tenant", tenant()).param("position", number)
                .param("title", title.strip()).param("document", document.id())
                .update();
        reports.touch(tenant(), report);
        drafts.appendicesChanged(report);
        events.publishEvent(Audited.inCurrentTenant("report.appendix-added", "report", report.toString(), null,
                Map.of("appendix", number, "title", title.strip(), "file", document.filename(), "sha256", document.sha256())));
        return new Appendix(number, title.strip(), document);
    }

    /** Removes an appendix from the draft; the later ones move up a number. Its file stays for the versions that hold it. */
    @Transactional
    @PreAuthorize(Reports.EDITORS)
    public void remove(UUID report, int number) {
        drafts.lockForEditing(report);
        Appendix removed = get(report, number);
        jdbc.sql("DELETE FROM app.report_appendix WHERE tenant_id = :tenant AND report_id = :report AND position = :position")
                .param("tenant", tenant()).param("report", report).param("position", number).update();
        // in two steps, since the position is unique at every row
        jdbc.sql("UPDATE app.report_appendix SET position = position + 1000000 WHERE tenant_id = :tenant AND report_id = :report AND position > :position")
                .param("tenant", tenant()).param("report", report).param("position", number).update();
        jdbc.sql("UPDATE app.report_appendix SET position = position - 1000001 WHERE tenant_id = :tenant AND report_id = :report AND position > 1000000")
                .param("tenant", tenant()).param("report", report).update();
        reports.touch(tenant(), report);
        drafts.appendicesChanged(report);
        events.publishEvent(Audited.inCurrentTenant("report.appendix-removed", "report", report.toString(),
                Map.of("appendix", number, "title", removed.title(), "sha256", removed.document().sha256()), null));
    }

    /**
     * Moves an appendix of the draft to another number, the ones between shifting by one; like adding and removing,
     * only while the report is a draft, and it counts as contributing to the version (four-eyes).
     */
    @Transactional
    @PreAuthorize(Reports.EDITORS)
    public List<Appendix> move(UUID report, int number, int to) {
        drafts.lockForEditing(report);
        Appendix moved = get(report, number);
        int count = all(report).size();
        if (to < 1 || to > count) {
            throw new org.councilflow.common.InvalidFieldException("to", "must be an appendix number from 1 to " + count);
        }
        if (to != number) {
            // parked and shifted through positions no row holds, since the position is unique at every row
            jdbc.sql("UPDATE app.report_appendix SET position = 3000000 WHERE tenant_id = :tenant AND report_id = :report AND position = :position")
                    .param("tenant", tenant()).param("report", report).param("position", number).update();
            int low = Math.min(number, to);
            int high = Math.max(number, to);
            int shift = to < number ? 1 : -1;
            jdbc.sql("UPDATE app.report_appendix SET position = position + 1000000 WHERE tenant_id = :tenant AND report_id = :report AND position BETWEEN :low AND :high")
                    .param("tenant", tenant()).param("report", report).param("low", low).param("high", high).update();
            jdbc.sql("UPDATE app.report_appendix SET position = position - 1000000 + :shift WHERE tenant_id = :tenant AND report_id = :report AND position BETWEEN 1000001 AND 2999999")
                    .param("shift", shift).param("tenant", tenant()).param("report", report).update();
            jdbc.sql("UPDATE app.report_appendix SET position = :to WHERE tenant_id = :tenant AND report_id = :report AND position = 3000000")
                    .param("to", to).param("tenant", tenant()).param("report", report).update();
            reports.touch(tenant(), report);
            drafts.appendicesChanged(report);
            events.publishEvent(Audited.inCurrentTenant("report.appendix-moved", "report", report.toString(),
                    Map.of("appendix", number), Map.of("appendix", to, "title", moved.title(), "sha256", moved.document().sha256())));
        }
        return all(report);
    }

    public Appendix get(UUID report, int number) {
        return all(report).stream().filter(a -> a.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Report " + report + " has no appendix " + number));
    }

    public byte[] content(UUID report, int number) {
        return documents.content(get(report, number).document().id());
    }

    private void requireReport(UUID report) {
        reports.find(tenant(), report).orElseThrow(() -> notFound(report));
    }

    private static NotFoundException notFound(UUID report) {
        return new NotFoundException("No report " + report + " in this council");
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
