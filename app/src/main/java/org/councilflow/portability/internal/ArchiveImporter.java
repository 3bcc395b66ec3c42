package org.councilflow.portability.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Restores one council's archive through the owner's connection, in one transaction: each council table in
 * dependency order, each row through PostgreSQL's {@code jsonb_populate_record} (so every column type reads back as it
 * was written), binary columns from their files after checking their SHA-256, identity sequences moved past the
 * restored ids. The archive must be of this schema version: a council moves between instances of one release.
 */
public final class ArchiveImporter {

    private final ObjectMapper json;
    private final long maxExpanded;

    public ArchiveImporter(ObjectMapper json, long maxExpanded) {
        this.json = json;
        this.maxExpanded = maxExpanded;
    }

    /** What is wrong with an archive, for a 422 naming it. */
    public static final class InvalidArchiveException extends RuntimeException {
        public InvalidArchiveException(String message) {
            super(message);
        }
    }

    /** The manifest, checked against this instance's format and schema. */
    public ObjectNode manifest(ZipFile zip, String schemaVersion) throws IOException {
        JsonNode manifest = read(zip, "manifest.json");
        if (!(manifest instanceof ObjectNode object) || !ArchiveExporter.FORMAT.equals(manifest.path("format").asText())
                || manifest.path("formatVersion").asInt() != ArchiveExporter.FORMAT_VERSION) {
            throw new InvalidArchiveException("Not a CouncilFlow council archive of format version "
                    + ArchiveExporter.FORMAT_VERSION);
        }
        if (!schemaVersion.equals(manifest.path("schemaVersion").asText())) {
            throw new InvalidArchiveException("The archive is of database schema version "
                    + manifest.path("schemaVersion").asText() + ", this instance is at " + schemaVersion
                    + ": restore it into an instance of the release that made it, then upgrade");
        }
        if (!manifest.path("council").asText().matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")) {
            throw new InvalidArchiveException("The archive names no valid council");
        }
        return object;
    }

    /** @return rows restored per table */
    public Map<String, Integer> restore(Connection c, ZipFile zip, ObjectNode manifest) throws IOException, SQLException {
        String council = manifest.get("council").asText();
        List<TenantTables.Table> tables = TenantTables.of(c);
        Map<String, TenantTables.Table> known = new HashMap<>();
        tables.forEach(table -> known.put(table.name(), table));
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode table : manifest.path("tables")) {
            if (!known.containsKey(table.path("name").asText())) {
                throw new InvalidArchiveException("The archive holds a table this instance does not have: "
                        + table.path("name").asText());
            }
            listed.put(table.path("name").asText(), table);
        }
        OwnerDatabase.lift(c, tables);
        Map<String, Integer> restored = new java.util.LinkedHashMap<>();
        for (TenantTables.Table table : tables) {
            JsonNode entry = listed.get(table.name());
            if (entry == null) {
                continue;
            }
            JsonNode rows = read(zip, entry.path("file").asText(), entry.path("sha256").asText());
            int count = 0;
            try (var insert = c.prepareStatement(insert(table))) {
                for (JsonNode row : rows) {
                    if (!council.equals(row.path(table.councilColumn()).asText())) {
                        throw new InvalidArchiveException("A row of " + table.name() + " belongs to another council");
                    }
                    int parameter = 1;
                    for (String column : table.binary()) {
                        JsonNode file = row.path(column);
                        insert.setBytes(parameter++, file.isObject() ? bytes(zip, file) : null);
                    }
                    ObjectNode plain = ((ObjectNode) row).deepCopy();
                    table.binary().forEach(plain::remove);
                    insert.setString(parameter, json.writeValueAsString(plain));
                    insert.addBatch();
                    count++;
                    if (count % 200 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            if (table.identity() != null) {
                try (var s = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                        + "GREATEST((SELECT max(" + OwnerDatabase.quote(table.identity()) + ") FROM app."
                        + OwnerDatabase.quote(table.name()) + "), 1))")) {
                    s.setString(1, "app." + OwnerDatabase.quote(table.name()));
                    s.setString(2, table.identity());
                    s.execute();
                }
            }
            restored.put(table.name(), count);
        }
        OwnerDatabase.restore(c, tables);
        return restored;
    }

    private static String insert(TenantTables.Table table) {
        List<String> columns = table.insertable().stream().map(OwnerDatabase::quote).toList();
        List<String> values = table.insertable().stream()
                .map(column -> table.binary().contains(column) ? "?::bytea" : "r." + OwnerDatabase.quote(column)).toList();
        return "INSERT INTO app." + OwnerDatabase.quote(table.name()) + " (" + String.join(", ", columns) + ")"
                + (table.identity() != null ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT " + String.join(", ", values)
                + " FROM jsonb_populate_record(NULL::app." + OwnerDatabase.quote(table.name()) + ", ?::jsonb) r";
    }

    private byte[] bytes(ZipFile zip, JsonNode file) throws IOException {
        byte[] bytes = entry(zip, file.path("file").asText());
        if (!HexFormat.of().formatHex(ArchiveExporter.sha256().digest(bytes)).equals(file.path("sha256").asText())) {
            throw new InvalidArchiveException("Document " + file.path("file").asText() + " does not match its SHA-256");
        }
        return bytes;
    }

    private JsonNode read(ZipFile zip, String name, String sha256) throws IOException {
        byte[] bytes = entry(zip, name);
        if (!HexFormat.of().formatHex(ArchiveExporter.sha256().digest(bytes)).equals(sha256)) {
            throw new InvalidArchiveException(name + " does not match its SHA-256 in the manifest");
        }
        return json.readTree(bytes);
    }

    private JsonNode read(ZipFile zip, String name) throws IOException {
        return json.readTree(entry(zip, name));
    }

    private long expanded;

    private byte[] entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new InvalidArchiveException("The archive has no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxExpanded - expanded + 1));
            expanded += bytes.length;
            if (expanded > maxExpanded) {
                throw new InvalidArchiveException("The archive expands beyond " + maxExpanded + " bytes");
            }
            return bytes;
        }
    }

}
