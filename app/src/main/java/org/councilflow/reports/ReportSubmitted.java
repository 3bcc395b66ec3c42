package org.councilflow.reports;

import java.util.UUID;

/** A report was submitted for sign-off as {@code version}; it is locked until returned. Published inside that transaction. */
public record ReportSubmitted(String tenant, UUID reportId, int version, String submittedBy) {
}
