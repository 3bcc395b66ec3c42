package org.councilflow.portability.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes one council's archive (format: {@code docs/council-archive.md}) from a connection whose transaction sees
 * that council: every council table row by row as PostgreSQL's own JSON of it ({@code to_jsonb}), binary columns
 * (documents, logos) as files of their own with their SHA-256, and a manifest.
 */
public final class ArchiveExporter {

    public static final String FORMAT = "councilflow-council-archive";
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper json;

    public ArchiveExporter(ObjectMapper json) {
        this.json = json;
    }

    /** @return the manifest written */
    public ObjectNode write(Connection c, String council, String schemaVersion, Instant at, Path target)
            throws IOException, SQLException {
        ObjectNode manifest = json.createObjectNode().put("format", FORMAT).put("formatVersion", FORMAT_VERSION)
                .put("council", council).put("schemaVersion", schemaVersion).put("exportedAt", at.toString());
        var tables = manifest.putArray("tables");
        var documents = manifest.putArray("documents");
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (TenantTables.Table table : TenantTables.of(c)) {
                String entry = "tables/" + table.name() + ".json";
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest tableHash = sha256();
                int rows = 0;
                try (JsonGenerator out = json.getFactory().createGenerator(new DigestingStream(zip, tableHash))) {
                    out.writeStartArray();
                    try (var statement = c.prepareStatement(select(table))) {
                        statement.setString(1, council);
                        statement.setFetchSize(200);
                        try (var rs = statement.executeQuery()) {
                            while (rs.next()) {
                                ObjectNode row = (ObjectNode) json.readTree(rs.getString(1));
                                for (int i = 0; i < table.binary().size(); i++) {
                                    String column = table.binary().get(i);
                                    byte[] bytes = rs.getBytes(2 + i);
                                    if (bytes == null) {
                                        row.putNull(column);
                                        continue;
                                    }
                                    String name = "documents/" + table.name() + "/" + rows + "-" + column + ".bin";
                                    String hash = HexFormat.of().formatHex(sha256().digest(bytes));
                                    row.putObject(column).put("file", name).put("sha256", hash);
                                    documents.addObject().put("file", name).put("sha256", hash).put("size", bytes.length);
                                }
                                json.writeTree(out, row);
                                rows++;
                            }
                        }
                    }
                    out.writeEndArray();
                }
                zip.closeEntry();
                tables.addObject().put("name", table.name()).put("file", entry).put("rows", rows)
                        .put("sha256", HexFormat.of().formatHex(tableHash.digest()));
                if (!table.binary().isEmpty()) {
                    writeFiles(c, table, council, zip);
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        return manifest;
    }

    /**
     * The binary columns' files, in a second pass in the same order (the transaction's snapshot is the same), so that
     * no more than one document is in memory at a time.
     */
    private static void writeFiles(Connection c, TenantTables.Table table, String council, ZipOutputStream zip)
            throws SQLException, IOException {
        try (var statement = c.prepareStatement(select(table))) {
            statement.setString(1, council);
            statement.setFetchSize(1);
            try (var rs = statement.executeQuery()) {
                for (int row = 0; rs.next(); row++) {
                    for (int i = 0; i < table.binary().size(); i++) {
                        byte[] bytes = rs.getBytes(2 + i);
                        if (bytes != null) {
                            zip.putNextEntry(new ZipEntry("documents/" + table.name() + "/" + row + "-"
                                    + table.binary().get(i) + ".bin"));
                            zip.write(bytes);
                            zip.closeEntry();
                        }
                    }
                }
            }
        }
    }

    private static String select(TenantTables.Table table) {
        StringBuilder sql = new StringBuilder("SELECT (to_jsonb(t)");
        for (String column : table.binary()) {
            sql.append(" - '").append(column.replace("'", "''")).append("'");
        }
        sql.append(")::text");
        for (String column : table.binary()) {
            sql.append(", t.").append(OwnerDatabase.quote(column));
        }
        sql.append(" FROM app.").append(OwnerDatabase.quote(table.name())).append(" t WHERE t.")
                .append(OwnerDatabase.quote(table.councilColumn())).append(" = ?");
        if (!table.primaryKey().isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", table.primaryKey().stream().map(k -> "t." + OwnerDatabase.quote(k)).toList()));
        } else {
            sql.append(" ORDER BY to_jsonb(t)::text"); // no key: the same order in both passes all the same
        }
        return sql.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table file's bytes as written, hashed on the way; closing it leaves the zip open. */
    private static final class DigestingStream extends OutputStream {
        private final OutputStream out;
        private final MessageDigest digest;

        DigestingStream(OutputStream out, MessageDigest digest) {
            this.out = out;
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the zip entry is closed by the exporter
        }
    }

}
