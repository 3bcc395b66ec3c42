package org.councilflow.reports;

import java.util.UUID;

/** {@code version} of a report, with its appendices, was signed off: that is what scheduling publishes. */
public record ReportSignedOff(String tenant, UUID reportId, int version, String signedOffBy) {
}
