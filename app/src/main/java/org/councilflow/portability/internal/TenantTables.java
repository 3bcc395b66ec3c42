package org.councilflow.portability.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The council's tables, read from the catalogue, so that a table added later is exported, restored and erased without
 * anyone listing it: every base table of schema {@code app} with a {@code tenant_id} column, and {@code app.tenant}
 * itself (keyed by {@code id}), parents before children. Tables without {@code tenant_id} are platform-level
 * ({@link #PLATFORM}); a table that is neither is a mistake that {@code CouncilArchiveIntegrationTests} reports.
 */
public final class TenantTables {

    /** Platform-level tables: no council's data (the outbox's rows name their council but are not its records). */
    public static final Set<String> PLATFORM = Set.of("flyway_schema_history", "event_publication", "mail_delivery");

    private TenantTables() {
    }

    /**
     * One table: the column naming the council ({@code tenant_id}, or {@code id} of {@code app.tenant}), the columns a
     * restore inserts (not generated ones), the binary ones, the primary key, the identity column if any.
     */
    public record Table(String name, String councilColumn, List<String> insertable, List<String> binary,
            List<String> primaryKey, String identity) {
    }

    /** Every council table, parents before children. */
    public static List<Table> of(Connection c) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Object[] row : rows(c, """
                SELECT t.table_name, bool_or(col.column_name = 'tenant_id') FROM information_schema.tables t
                JOIN information_schema.columns col ON col.table_schema = t.table_schema AND col.table_name = t.table_name
                WHERE t.table_schema = 'app' AND t.table_type = 'BASE TABLE' GROUP BY t.table_name ORDER BY t.table_name""")) {
            String name = (String) row[0];
            boolean tenantOwned = (Boolean) row[1];
            if (name.equals("tenant") || tenantOwned) {
                tables.put(name, describe(c, name, name.equals("tenant") ? "id" : "tenant_id"));
            }
        }
        return ordered(tables, rows(c, """
                SELECT child.relname, parent.relname FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                WHERE k.contype = 'f' AND k.connamespace = 'app'::regnamespace AND child.oid <> parent.oid"""));
    }

    /** Every base table of schema app, for the check that none is left out. */
    public static List<String> all(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Object[] row : rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            names.add((String) row[0]);
        }
        return names;
    }

    private static Table describe(Connection c, String name, String councilColumn) throws SQLException {
        List<String> insertable = new ArrayList<>();
        List<String> binary = new ArrayList<>();
        String identity = null;
        try (var statement = c.prepareStatement("""
                SELECT column_name, data_type, is_generated, is_identity FROM information_schema.columns
                WHERE table_schema = 'app' AND table_name = ? ORDER BY ordinal_position""")) {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!"NEVER".equals(rs.getString("is_generated"))) {
                        continue; // computed by the database again on restore
                    }
                    insertable.add(rs.getString("column_name"));
                    if ("YES".equals(rs.getString("is_identity"))) {
                        identity = rs.getString("column_name");
                    }
                    if ("bytea".equals(rs.getString("data_type"))) {
                        binary.add(rs.getString("column_name"));
                    }
                }
            }
        }
        List<String> key = new ArrayList<>();
        try (var statement = c.prepareStatement("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = ('app.' || quote_ident(?))::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)""")) {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return new Table(name, councilColumn, List.copyOf(insertable), List.copyOf(binary), List.copyOf(key), identity);
    }

    private static List<Table> ordered(Map<String, Table> tables, List<Object[]> references) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.keySet().forEach(name -> parents.put(name, new LinkedHashSet<>()));
        for (Object[] reference : references) {
            if (tables.containsKey((String) reference[0]) && tables.containsKey((String) reference[1])) {
                parents.get((String) reference[0]).add((String) reference[1]);
            }
        }
        List<Table> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (var entry : parents.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    placed.add(entry.getKey());
                    order.add(tables.get(entry.getKey()));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys between council tables form a cycle: " + parents);
            }
        }
        return order;
    }

    private static List<Object[]> rows(Connection c, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (var statement = c.createStatement(); var rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
