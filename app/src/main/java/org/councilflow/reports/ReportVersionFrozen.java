package org.councilflow.reports;

import java.util.UUID;

/** A report's draft was frozen as a new version (on submission). Published inside that transaction. */
public record ReportVersionFrozen(String tenant, UUID reportId, int version, String frozenBy) {
}
