package org.councilflow.minutes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.meetings.Resolution;
import org.councilflow.minutes.Declaration;
import org.councilflow.minutes.ItemMinutes;
import org.councilflow.minutes.MinutesDocument;
import org.councilflow.minutes.MinutesVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Minutes in {@code app.item_minutes}, {@code app.declaration} and {@code app.minutes_version}, always filtered by
 * tenant (and RLS).
 */
@Repository
public class MinutesRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MinutesRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ItemMinutes> find(String tenant, UUID itemId) {
        return jdbc.sql("""
                SELECT agenda_item_id, meeting_id, minutes, resolutions::text AS resolutions, version, updated_by, updated_at,
                       welsh::text AS welsh
                FROM app.item_minutes WHERE tenant_id = :tenant AND agenda_item_id = :item""")
                .param("tenant", tenant).param("item", itemId)
                .query((rs, n) -> item(tenant, rs))
                .optional();
    }

    private ItemMinutes item(String tenant, ResultSet rs) throws SQLException {
        UUID itemId = rs.getObject("agenda_item_id", UUID.class);
        List<Declaration> declarations = jdbc.sql("""
                SELECT member, kind, nature, left_room, nature_cy FROM app.declaration
                WHERE tenant_id = :tenant AND agenda_item_id = :item ORDER BY position""")
                .param("tenant", tenant).param("item", itemId)
                .query((d, n) -> new Declaration(d.getString("member"), Declaration.Kind.valueOf(d.getString("kind")),
                        d.getString("nature"), d.getBoolean("left_room"), d.getString("nature_cy")))
                .list();
        return new ItemMinutes(itemId, rs.getObject("meeting_id", UUID.class), rs.getString("minutes"),
                read(rs.getString("resolutions"), new TypeReference<List<Resolution>>() { }), declarations,
                rs.getInt("version"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("welsh") == null ? null : read(rs.getString("welsh"), new TypeReference<ItemMinutes.Welsh>() { }));
    }

    /** Saves an item's minutes if they are still at {@code expectedVersion}; false when someone else saved first. */
    public boolean save(String tenant, UUID meetingId, UUID itemId, ItemMinutes.Draft draft, int expectedVersion, String by) {
        int changed = expectedVersion == 0
                ? jdbc.sql("""
                        INSERT INTO app.item_minutes (agenda_item_id, tenant_id, meeting_id, minutes, resolutions, version,
                               updated_by, welsh)
                        VALUES (:item, :tenant, :meeting, :minutes, CAST(:resolutions AS jsonb), 1, :by, CAST(:welsh AS jsonb))
                        ON CONFLICT (agenda_item_id) DO NOTHING""")
                        .param("welsh", welsh(draft))
                        .param("item", itemId).param("tenant", tenant).param("meeting", meetingId)
                        .param("minutes", draft.minutes()).param("resolutions", write(draft.resolutions())).param("by", by)
                        .update()
                : jdbc.sql("""
                        UPDATE app.item_minutes SET minutes = :minutes, resolutions = CAST(:resolutions AS jsonb),
                               welsh = CAST(:welsh AS jsonb),
                               version = version + 1, updated_by = :by, updated_at = now()
                        WHERE tenant_id = :tenant AND agenda_item_id = :item AND version = :version""")
                        .param("minutes", draft.minutes()).param("resolutions", write(draft.resolutions())).param("by", by)
                        .param("tenant", tenant).param("item", itemId).param("version", expectedVersion)
                        .param("welsh", welsh(draft))
                        .update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM app.declaration WHERE tenant_id = :tenant AND agenda_item_id = :item")
                .param("tenant", tenant).param("item", itemId).update();
        for (int i = 0; i < draft.declarations().size(); i++) {
            Declaration d = draft.declarations().get(i);
            jdbc.sql("""
                    INSERT INTO app.declaration (agenda_item_id, tenant_id, position, member, kind, nature, left_room,
                           nature_cy)
                    VALUES (:item, :tenant, :position, :member, :kind, :nature, :left, :natureCy)""")
                    .param("item", itemId).param("tenant", tenant).param("position", i).param("member", d.member())
                    .param("kind", d.kind().name()).param("nature", d.nature()).param("left", d.leftRoom())
                    .param("natureCy", d.natureCy() == null || d.natureCy().isBlank() ? null : d.natureCy().strip())
                    .update();
        }
        return true;
    }

    /** The meeting of an agenda item of this council, if there is such an item. */
    public Optional<UUID> meetingOfItem(String tenant, UUID itemId) {
        return jdbc.sql("SELECT meeting_id FROM app.agenda_item WHERE tenant_id = :tenant AND id = :item")
                .param("tenant", tenant).param("item", itemId).query(UUID.class).optional();
    }

    public List<MinutesVersion> versions(String tenant, UUID meetingId) {
        return jdbc.sql("""
                SELECT version, kind, note, approved_at_meeting_id, approved_at_item_id, created_at, created_by,
                       content::text AS content
                FROM app.minutes_version WHERE tenant_id = :tenant AND meeting_id = :meeting ORDER BY version""")
                .param("tenant", tenant).param("meeting", meetingId)
                .query((rs, n) -> new MinutesVersion(meetingId, rs.getInt("version"),
                        MinutesVersion.Kind.valueOf(rs.getString("kind")), rs.getString("note"),
                        rs.getObject("approved_at_meeting_id", UUID.class), rs.getObject("approved_at_item_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        read(rs.getString("content"), new TypeReference<MinutesDocument>() { })))
                .list();
    }

    /** Freezes a version; false when that version number was taken at the same moment. */
    public boolean freeze(String tenant, MinutesVersion version) {
        return jdbc.sql("""
                INSERT INTO app.minutes_version (meeting_id, tenant_id, version, kind, note, approved_at_meeting_id,
                       approved_at_item_id, content, created_by)
                VALUES (:meeting, :tenant, :version, :kind, :note, :approvedMeeting, :approvedItem, CAST(:content AS jsonb), :by)
                ON CONFLICT (meeting_id, version) DO NOTHING""")
                .param("meeting", version.meetingId()).param("tenant", tenant).param("version", version.version())
                .param("kind", version.kind().name()).param("note", version.note())
                .param("approvedMeeting", version.approvedAtMeetingId()).param("approvedItem", version.approvedAtItemId())
                .param("content", write(version.content())).param("by", version.createdBy())
                .update() == 1;
    }

    /** The Welsh as stored: none when nothing was written in Welsh. */
    private String welsh(ItemMinutes.Draft draft) {
        return draft.welsh() == null || !draft.welsh().hasText() ? null : write(draft.welsh());
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable minutes", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
