package org.councilflow.portability.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.councilflow.common.ConflictException;
import org.councilflow.common.Refusal;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The owner's side of restoring and erasing a council: a connection whose transaction has lifted row-level security
 * and user triggers from the council tables (on again before it commits), and the erasure itself.
 */
@Component
public class CouncilEraser {

    private final OwnerDatabase owner;

    CouncilEraser(OwnerDatabase owner) {
        this.owner = owner;
    }

    /** The owner's connection, in a transaction, every council table locked for it. Roll back or commit, then close. */
    public Connection owner() throws SQLException {
        Connection c = owner.open();
        try {
            OwnerDatabase.lift(c, TenantTables.of(c));
            return c;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            c.close();
            throw e;
        }
    }

    public boolean exists(Connection c, String council) throws SQLException {
        try (var s = c.prepareStatement("SELECT count(*) FROM app.tenant WHERE id = ?")) {
            s.setString(1, council);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Erasure is for a council that has left: suspended, and exported after the last change its audit trail records
     * (its suspension aside), the archive's manifest given, its row counts those of the council now; so an archive
     * holds everything erased.
     */
    public void requireCoveredBy(Connection c, String council, JsonNode manifest) throws SQLException {
        if (!ArchiveExporter.FORMAT.equals(manifest.path("format").asText()) || !council.equals(manifest.path("council").asText())) {
            throw new ConflictException(Refusal.of("erasure.notItsManifest", council));
        }
        Instant exported;
        try {
            exported = Instant.parse(manifest.path("exportedAt").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConflictException(Refusal.of("erasure.noExportTime"));
        }
        try (var s = c.prepareStatement("""
                SELECT t.status, (SELECT max(occurred_at) FROM app.audit_event a WHERE a.tenant_id = t.id
                                   AND a.action NOT IN ('tenant.suspended'))
                FROM app.tenant t WHERE t.id = ?""")) {
            s.setString(1, council);
            try (var rs = s.executeQuery()) {
                rs.next();
                if (!"SUSPENDED".equals(rs.getString(1))) {
                    throw new ConflictException(Refusal.of("erasure.notSuspended", council));
                }
                var changed = rs.getTimestamp(2);
                if (changed != null && changed.toInstant().isAfter(exported)) {
                    throw new ConflictException(Refusal.of("erasure.changedSinceExport", council));
                }
            }
        }
        Map<String, Integer> archived = new HashMap<>();
        manifest.path("tables").forEach(table -> archived.put(table.path("name").asText(), table.path("rows").asInt()));
        for (TenantTables.Table table : TenantTables.of(c)) {
            // the audit trail's record of the suspension came after the export, and is all that may have
            String suspension = table.name().equals("audit_event")
                    ? " AND NOT (action = 'tenant.suspended' AND occurred_at > ?)" : "";
            try (var s = c.prepareStatement("SELECT count(*) FROM app." + OwnerDatabase.quote(table.name()) + " WHERE "
                    + OwnerDatabase.quote(table.councilColumn()) + " = ?" + suspension)) {
                s.setString(1, council);
                if (!suspension.isEmpty()) {
                    s.setTimestamp(2, java.sql.Timestamp.from(exported));
                }
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != archived.getOrDefault(table.name(), 0)) {
                        throw new ConflictException(Refusal.of("erasure.archiveIncomplete", council, table.name()));
                    }
                }
            }
        }
    }

    /** Deletes every row of the council, children first. @return rows deleted per table */
    public Map<String, Integer> erase(Connection c, String council) throws SQLException {
        List<TenantTables.Table> tables = new ArrayList<>(TenantTables.of(c));
        java.util.Collections.reverse(tables);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (TenantTables.Table table : tables) {
            try (var s = c.prepareStatement("DELETE FROM app." + OwnerDatabase.quote(table.name()) + " WHERE "
                    + OwnerDatabase.quote(table.councilColumn()) + " = ?")) {
                s.setString(1, council);
                deleted.put(table.name(), s.executeUpdate());
            }
        }
        OwnerDatabase.restore(c, tables);
        return deleted;
    }
}
