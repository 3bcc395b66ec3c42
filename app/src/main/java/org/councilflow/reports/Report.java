package org.councilflow.reports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A report's current draft, with the revision of each part (what an editor sends back to save that part) and the
 * number of the latest frozen version (0 before the first submission).
 */
public record Report(UUID id, UUID planId, ReportDocument document, Map<String, Integer> revisions, int latestVersion,
        Instant updatedAt) {

    /** A report in a list. */
    public record Summary(UUID id, UUID planId, String title, Integer sequenceNumber, int latestVersion, Instant updatedAt) {
    }

    /** A frozen version. */
    public record Version(int number, ReportDocument document, Instant frozenAt, String frozenBy) {
    }

    /** The portable form of a report, for export and import. */
    public record Export(String format, ReportDocument document) {
        public static final String FORMAT = "councilflow.progress-report/1";
    }
}
