package org.councilflow.meetings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.AgendaDocument;
import org.councilflow.meetings.AgendaItemKind;
import org.councilflow.meetings.AgendaNumbering;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agenda items and their documents ({@code app.agenda_item}, {@code app.agenda_document}), and the council's style. */
@Repository
public class AgendaRepository {

    private final JdbcClient jdbc;

    AgendaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The item's fields as stored; the number is the council's, checked before. */
    public record ItemFields(AgendaItemKind kind, UUID reportId, String number, String title, String description,
            String reportOf, Integer exemptParagraph, String titleCy, String descriptionCy) {
    }

    public int nextPosition(String tenant, UUID meeting) {
        return jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :meeting")
                .param("tenant", tenant).param("meeting", meeting).query(Integer.class).single();
    }

    public void insertItem(String tenant, UUID meeting, UUID id, int position, int sinceVersion, ItemFields item) {
        jdbc.sql("""
                INSERT INTO app.agenda_item (id, meeting_id, tenant_id, kind, report_id, position, number, title,
                       description, report_of, exempt_paragraph, since_version, title_cy, description_cy)
                VALUES (:id, :meeting, :tenant, :kind, :report, :position, :number, :title, :description, :reportOf,
                       :paragraph, :since, :titleCy, :descriptionCy)""")
                .param("titleCy", item.titleCy()).param("descriptionCy", item.descriptionCy())
                .param("id", id).param("meeting", meeting).param("tenant", tenant).param("kind", item.kind().name())
                .param("report", item.reportId()).param("position", position).param("number", item.number())
                .param("title", item.title()).param("description", item.description()).param("reportOf", item.reportOf())
                .param("paragraph", item.exemptParagraph()).param("since", sinceVersion)
                .update();
    }

    public void updateItem(String tenant, UUID id, ItemFields item) {
        jdbc.sql("""
                UPDATE app.agenda_item SET number = :number, title = :title, description = :description,
                       report_of = :reportOf, exempt_paragraph = :paragraph, title_cy = :titleCy,
                       description_cy = :descriptionCy
                WHERE tenant_id = :tenant AND id = :id""")
                .param("titleCy", item.titleCy()).param("descriptionCy", item.descriptionCy())
                .param("number", item.number()).param("title", item.title()).param("description", item.description())
                .param("reportOf", item.reportOf()).param("paragraph", item.exemptParagraph())
                .param("tenant", tenant).param("id", id).update();
    }

    public void deleteItem(String tenant, UUID meeting, UUID id) {
        jdbc.sql("DELETE FROM app.agenda_item WHERE tenant_id = :tenant AND id = :id").param("tenant", tenant).param("id", id).update();
        closeGaps(tenant, List.of(meeting));
    }

    /** Places stay 1..n after an item left. */
    private void closeGaps(String tenant, List<UUID> meetings) {
        jdbc.sql("""
                UPDATE app.agenda_item a SET position = o.place
                FROM (SELECT id, row_number() OVER (PARTITION BY meeting_id ORDER BY position) AS place
                      FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id IN (:meetings)) o
                WHERE a.id = o.id AND a.position <> o.place""")
                .param("tenant", tenant).param("meetings", meetings).update();
    }

    public void withdrawItem(String tenant, UUID id, Instant at) {
        jdbc.sql("UPDATE app.agenda_item SET withdrawn_at = :at WHERE tenant_id = :tenant AND id = :id")
                .param("at", Timestamp.from(at)).param("tenant", tenant).param("id", id).update();
    }

    /** Places the items in this order; one item per place is checked at commit (the constraint is deferred). */
    public void order(String tenant, UUID meeting, List<UUID> itemIds) {
        for (int i = 0; i < itemIds.size(); i++) {
            jdbc.sql("UPDATE app.agenda_item SET position = :position WHERE tenant_id = :tenant AND meeting_id = :meeting AND id = :id")
                    .param("position", i + 1).param("tenant", tenant).param("meeting", meeting).param("id", itemIds.get(i))
                    .update();
        }
    }

    /** Takes a report off the agendas still in preparation (but not off a published one: it was on that agenda). */
    public void unscheduleFromUnpublished(String tenant, UUID report) {
        List<UUID> meetings = jdbc.sql("""
                DELETE FROM app.agenda_item i USING app.meeting m
                WHERE i.tenant_id = :tenant AND i.report_id = :report AND m.tenant_id = i.tenant_id AND m.id = i.meeting_id
                  AND m.agenda_published_at IS NULL
                RETURNING i.meeting_id""")
                .param("tenant", tenant).param("report", report).query(UUID.class).list();
        if (!meetings.isEmpty()) {
            closeGaps(tenant, meetings);
        }
    }

    /** The meetings whose agendas carry the report, earliest first. */
    public List<UUID> meetingsWithReport(String tenant, UUID report) {
        return jdbc.sql("""
                SELECT i.meeting_id FROM app.agenda_item i JOIN app.meeting m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id
                WHERE i.tenant_id = :tenant AND i.report_id = :report GROUP BY i.meeting_id ORDER BY min(m.starts_at)""")
                .param("tenant", tenant).param("report", report).query(UUID.class).list();
    }

    public boolean hasReport(String tenant, UUID meeting, UUID report) {
        return jdbc.sql("SELECT count(*) FROM app.agenda_item WHERE tenant_id = :tenant AND meeting_id = :meeting AND report_id = :report")
                .param("tenant", tenant).param("meeting", meeting).param("report", report).query(Integer.class).single() > 0;
    }

    public void insertDocument(String tenant, UUID item, UUID id, String title, AgendaDocument.Kind kind,
            UUID documentId, String link, boolean exempt, String by, String titleCy) {
        jdbc.sql("""
                INSERT INTO app.agenda_document (id, tenant_id, item_id, position, title, kind, document_id, link, exempt,
                       added_by, title_cy)
                SELECT :id, :tenant, :item, coalesce(max(position), 0) + 1, :title, :kind, :document, :link, :exempt, :by,
                       :titleCy
                FROM app.agenda_document WHERE tenant_id = :tenant AND item_id = :item""")
                .param("id", id).param("tenant", tenant).param("item", item).param("title", title).param("titleCy", titleCy)
                .param("kind", kind.name()).param("document", documentId).param("link", link).param("exempt", exempt)
                .param("by", by).update();
    }

    public void deleteDocument(String tenant, UUID item, UUID id) {
        jdbc.sql("DELETE FROM app.agenda_document WHERE tenant_id = :tenant AND item_id = :item AND id = :id")
                .param("tenant", tenant).param("item", item).param("id", id).update();
        jdbc.sql("""
                UPDATE app.agenda_document a SET position = o.place
                FROM (SELECT id, row_number() OVER (ORDER BY position) AS place
                      FROM app.agenda_document WHERE tenant_id = :tenant AND item_id = :item) o
                WHERE a.id = o.id AND a.position <> o.place""")
                .param("tenant", tenant).param("item", item).update();
    }

    public void orderDocuments(String tenant, UUID item, List<UUID> documentIds) {
        for (int i = 0; i < documentIds.size(); i++) {
            jdbc.sql("UPDATE app.agenda_document SET position = :position WHERE tenant_id = :tenant AND item_id = :item AND id = :id")
                    .param("position", i + 1).param("tenant", tenant).param("item", item).param("id", documentIds.get(i))
                    .update();
        }
    }

    public AgendaNumbering numbering(String tenant) {
        return jdbc.sql("SELECT numbering FROM app.agenda_style WHERE tenant_id = :tenant").param("tenant", tenant)
                .query(String.class).optional().map(AgendaNumbering::valueOf).orElse(AgendaNumbering.NUMBERS);
    }

    public void setNumbering(String tenant, AgendaNumbering numbering) {
        jdbc.sql("""
                INSERT INTO app.agenda_style (tenant_id, numbering) VALUES (:tenant, :numbering)
                ON CONFLICT (tenant_id) DO UPDATE SET numbering = excluded.numbering""")
                .param("tenant", tenant).param("numbering", numbering.name()).update();
    }
}
