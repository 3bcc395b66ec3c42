package org.councilflow.portability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.zip.ZipFile;

import org.councilflow.common.ConflictException;
import org.councilflow.common.Refusal;
import org.councilflow.common.NotFoundException;
import org.councilflow.portability.internal.ArchiveExporter;
import org.councilflow.portability.internal.ArchiveImporter;
import org.councilflow.portability.internal.CouncilEraser;
import org.councilflow.tenancy.TenantContext;
import org.councilflow.workflow.CouncilEngineData;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A council's data, portable (issue 20, {@code docs/council-archive.md}): its tenant-admin exports all of it as one
 * archive; a platform administrator restores an archive into an instance without that council, and erases a council
 * once it is suspended and exported. Which tables belong to a council is read from the schema (every table with
 * {@code tenant_id}), so tables added later travel too.
 */
@Service
public class CouncilArchives {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CouncilEraser eraser;
    private final CouncilEngineData engine;
    private final PortabilityProperties properties;
    private final Clock clock;
    private final ObjectProvider<Flyway> flyway;

    CouncilArchives(JdbcTemplate jdbc, ObjectMapper json, CouncilEraser eraser, CouncilEngineData engine,
            PortabilityProperties properties, ObjectProvider<Clock> clock, ObjectProvider<Flyway> flyway) {
        this.jdbc = jdbc;
        this.json = json;
        this.eraser = eraser;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.flyway = flyway;
    }

    /** The current council's archive, from one consistent snapshot, in a temporary file the caller deletes. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Path export() {
        String council = TenantContext.require();
        var at = clock.instant();
        try {
            Path file = Files.createTempFile("council-" + council + "-", ".zip");
            jdbc.execute((ConnectionCallback<Void>) c -> {
                try {
                    new ArchiveExporter(json).write(c, council, schemaVersion(), at, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores an archive into this instance, which must not hold its council. @return rows per table */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Restored restore(InputStream archive) {
        Path file = null;
        try {
            file = Files.createTempFile("council-restore-", ".zip");
            try (var out = Files.newOutputStream(file)) {
                long limit = properties.maxArchiveSize().toBytes();
                long copied = 0;
                byte[] buffer = new byte[65536];
                for (int n; (n = archive.read(buffer)) > 0;) {
                    copied += n;
                    if (copied > limit) { // stop reading: a too large upload never fills the disk
                        throw new ArchiveImporter.InvalidArchiveException("The archive is larger than "
                                + properties.maxArchiveSize());
                    }
                    out.write(buffer, 0, n);
                }
            }
            try (ZipFile zip = new ZipFile(file.toFile()); Connection c = eraser.owner()) {
                ArchiveImporter importer = new ArchiveImporter(json, properties.maxExpandedSize().toBytes());
                var manifest = importer.manifest(zip, schemaVersion());
                String council = manifest.get("council").asText();
                if (eraser.exists(c, council)) {
                    throw new ConflictException(Refusal.of("archive.councilExists", council));
                }
                try {
                    Map<String, Integer> rows = importer.restore(c, zip, manifest);
                    c.commit();
                    return new Restored(council, rows);
                } catch (RuntimeException | SQLException | IOException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ArchiveImporter.InvalidArchiveException("Not a zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Restoring the archive failed; nothing was restored", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /**
     * Erases a suspended council, given the manifest of its archive made after its last change (its row counts match
     * the council's now): all its rows and its cycles.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Erased erase(String council, JsonNode manifest) {
        try {
            try (Connection c = eraser.owner()) {
                try {
                    if (!eraser.exists(c, council)) {
                        throw new NotFoundException("No council " + council);
                    }
                    eraser.requireCoveredBy(c, council, manifest);
                } finally {
                    c.rollback();
                }
            }
            // the engine's part first, with no council table locked (its listeners may read them)
            int cycles = engine.erase(council);
            try (Connection c = eraser.owner()) {
                try {
                    eraser.requireCoveredBy(c, council, manifest);
                    Map<String, Integer> rows = eraser.erase(c, council);
                    c.commit();
                    return new Erased(council, rows, cycles);
                } catch (RuntimeException | SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Erasing council " + council + " failed; its rows were left as they were", e);
        }
    }

    public record Restored(String council, Map<String, Integer> rows) {
    }

    public record Erased(String council, Map<String, Integer> rows, int cycles) {
    }

    /** The schema version this instance migrated to (an archive restores only into the same). */
    private String schemaVersion() {
        return flyway.getObject().info().current().getVersion().getVersion();
    }
}
