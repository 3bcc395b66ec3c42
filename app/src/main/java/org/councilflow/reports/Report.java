package org.councilflow.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.Refusal;

/**
 * A report's current draft, with the revision of each part (what an editor sends back to save that part), the
 * number of the latest frozen version (0 before the first submission), and its stage: a draft is editable; once
 * submitted it is locked until it is returned, and a sign-off approves one version and its appendices.
 */
public record Report(UUID id, UUID planId, ReportDocument document, Map<String, Integer> revisions, int latestVersion,
        Instant updatedAt, Stage stage, Submission submission, Approval approval) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** Where the report is between drafting and publication. */
    public enum Stage {
        /** Editable by its authors. */
        DRAFT,
        /** Frozen as a version and sent for sign-off: nothing of it changes until it is returned. */
        SUBMITTED,
        /** One version approved with its appendices: that is what scheduling publishes; a return unlocks it. */
        SIGNED_OFF
    }

    /** The version sent for sign-off, when and by whom. */
    public record Submission(int version, Instant at, String by) {
    }

    /** The approved version and the appendices it was submitted with, each with the SHA-256 of its bytes then. */
    public record Approval(int version, Instant approvedAt, String approvedBy, List<FrozenAppendix> appendices) {
    }

    /** An appendix as a version was frozen with it. */
    public record FrozenAppendix(int number, String title, UUID documentId, String sha256) {
    }

    /** Who contributed to a version: {@code created} the report, or saved the part named. */
    public record Contributor(String username, String contribution) {
    }

    /**
     * Why the report cannot be edited now (in {@code zone}), or empty when it is a draft. The API's 409 and the
     * editor's notice both say this.
     */
    public Optional<Refusal> editingRefusal(ZoneId zone) {
        if (stage == Stage.DRAFT || submission == null) {
            return Optional.empty();
        }
        if (stage == Stage.SIGNED_OFF && approval != null) {
            return Optional.of(Refusal.of("report.lockedSignedOff", DAY.withZone(zone).format(submission.at()),
                    HOUR.withZone(zone).format(submission.at()), submission.by(), submission.version(),
                    DAY.withZone(zone).format(approval.approvedAt()), HOUR.withZone(zone).format(approval.approvedAt()),
                    approval.approvedBy()));
        }
        return Optional.of(Refusal.of("report.lockedSubmitted", DAY.withZone(zone).format(submission.at()),
                HOUR.withZone(zone).format(submission.at()), submission.by(), submission.version()));
    }

    /** A report in a list. */
    public record Summary(UUID id, UUID planId, String title, Integer sequenceNumber, int latestVersion, Instant updatedAt) {
    }

    /** A frozen version, with the appendices it was frozen with and who had contributed to it by then. */
    public record Version(int number, ReportDocument document, Instant frozenAt, String frozenBy,
            List<FrozenAppendix> appendices, List<Contributor> contributors) {
    }

    /** The signed-off version as scheduling publishes it, its appendices' bytes checked against their hashes. */
    public record Approved(UUID reportId, int version, ReportDocument document, Instant approvedAt, String approvedBy,
            List<ApprovedAppendix> appendices) {
    }

    /** An approved appendix whose stored bytes were found to match the SHA-256 recorded when it was submitted. */
    public record ApprovedAppendix(int number, String title, org.councilflow.documents.StoredDocument document,
            String sha256) {
    }

    /** The portable form of a report, for export and import. */
    public record Export(String format, ReportDocument document) {
        public static final String FORMAT = "councilflow.progress-report/1";
    }
}
