package org.councilflow.reports;

import java.util.UUID;

/** A submitted or signed-off report was returned to its authors (the approval, if any, no longer stands). */
public record ReportReturned(String tenant, UUID reportId, int submittedVersion, String returnedBy, String reason) {
}
