package org.councilflow.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.RefusedException;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.common.Refusal;
import org.councilflow.common.RefusedAccessException;
import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.identity.CurrentUsers;
import org.councilflow.plans.Plans;
import org.councilflow.reports.ReportDocument.Header;
import org.councilflow.reports.ReportDocument.Section;
import org.councilflow.reports.internal.ReportRepository;
import org.councilflow.reports.internal.ReportRepository.Part;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Progress reports of the current council: drafts edited part by part (each part saved only over the revision
 * its editor loaded), versions frozen at submission and never changed, comparisons between any two versions, and
 * a portable JSON form for export and import. Councillors see reports only once published, so not here.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Reports.STAFF)
public class Reports {

    static final String STAFF = "hasAnyRole('AUTHOR', 'MANAGER', 'BOARD', 'BOARD_CHAIR', 'CLERK', 'TENANT_ADMIN')";
    static final String EDITORS = "hasAnyRole('AUTHOR', 'MANAGER')";
    static final String REVIEWERS = "hasAnyRole('MANAGER', 'BOARD', 'BOARD_CHAIR')";
    private static final String HEADER = "header";
    private static final String SUMMARY = "summary";
    private static final String RECOMMENDATIONS = "recommendations";
    /** The Welsh text beside the English (ADR 0015): optional, a part of the draft like the others. */
    private static final String WELSH = "welsh";
    private static final String APPENDICES = "appendices";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final ReportRepository reports;
    private final CurrentUsers users;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Plans plans;
    private final ReportsProperties properties;
    private final Documents documents;

    Reports(ReportRepository reports, CurrentUsers users, ObjectMapper json, Validator validator,
            ApplicationEventPublisher events, Plans plans, ReportsProperties properties, Documents documents) {
        this.plans = plans;
        this.properties = properties;
        this.documents = documents;
        this.reports = reports;
        this.users = users;
        this.json = json;
        this.validator = validator;
        this.events = events;
    }

    /** Refuses a report that is not the current council's; for features that only need to know it exists. */
    @PreAuthorize("isAuthenticated()")
    public void exists(UUID id) {
        row(id);
    }

    public List<Report.Summary> all() {
        return reports.summaries(tenant());
    }

    public Report get(UUID id) {
        ReportRepository.Row row = row(id);
        Map<String, Part> parts = reports.parts(tenant(), id);
        Map<String, Integer> revisions = new LinkedHashMap<>();
        parts.forEach((key, part) -> revisions.put(key, part.revision()));
        return report(row, assemble(parts), revisions);
    }

    private Report report(ReportRepository.Row row, ReportDocument document, Map<String, Integer> revisions) {
        Report.Submission submission = row.submittedVersion() == null ? null
                : new Report.Submission(row.submittedVersion(), row.submittedAt(), row.submittedBy());
        Report.Approval approval = row.approvedVersion() == null ? null
                : new Report.Approval(row.approvedVersion(), row.approvedAt(), row.approvedBy(),
                        reports.version(tenant(), row.id(), row.approvedVersion()).map(this::toVersion).orElseThrow().appendices());
        return new Report(row.id(), row.planId(), document, revisions, row.latestVersion(), row.updatedAt(), row.stage(),
                submission, approval);
    }

    /** Starts a report from a whole document (a new draft, or an imported one). */
    @Transactional
    @PreAuthorize(EDITORS)
    public Report create(UUID planId, ReportDocument document) {
        validate(document);
        Set<String> keys = new HashSet<>();
        for (Section section : document.sections()) {
            if (!keys.add(section.key())) {
                throw new IllegalArgumentException("Section " + section.key() + " appears twice");
            }
        }
        UUID id = UUID.randomUUID();
        String user = users.require().username();
        reports.insert(tenant(), id, planId, document.header().title(), document.sequenceNumber(),
                document.periodStart(), document.periodEnd(), user);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(HEADER, write(new HeaderPart(document.sequenceNumber(), document.periodStart(), document.periodEnd(),
                document.header())));
        parts.put(SUMMARY, write(document.summary()));
        parts.put(RECOMMENDATIONS, write(document.recommendations()));
        for (Section section : document.sections()) {
            if (parts.put(section.key(), write(section)) != null) {
                throw new IllegalArgumentException("Section " + section.key() + " appears twice");
            }
        }
        if (document.welsh() != null) {
            parts.put(WELSH, write(document.welsh()));
        }
        reports.insertParts(tenant(), id, parts, user);
        reports.contributed(tenant(), id, user, "created");
        events.publishEvent(Audited.inCurrentTenant("report.created", "report", id.toString(), null,
                Map.of("title", document.header().title())));
        return get(id);
    }

    /**
     * Saves one part of the draft: {@code header}, {@code summary}, {@code recommendations} or a section's key. If
     * someone saved the same part since {@code revision}, nothing is saved and the caller is told who and when.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Report savePart(UUID id, String part, JsonNode content, int revision) {
        requireDraft(id);
        String user = users.require().username();
        String stored = switch (part) {
            case HEADER -> write(validate(read(content, HeaderPart.class)));
            case SUMMARY -> write(validateSize(text(content)));
            case RECOMMENDATIONS -> write(validateRecommendations(read(content, new TypeReference<List<String>>() { })));
            case WELSH -> write(validate(read(knownFields(content, "title", "summary", "recommendations"),
                    ReportDocument.Welsh.class)));
            default -> {
                if (!ReportDocument.SECTION_KEYS.contains(part)) {
                    throw new NotFoundException("A report has no part '" + part.replaceAll("[^A-Za-z]", "?")
                            + "'; parts are header, summary, recommendations, welsh and " + ReportDocument.SECTION_KEYS);
                }
                Section section = validate(read(content, Section.class));
                if (!section.key().equals(part)) {
                    throw new IllegalArgumentException("The section's key is '" + section.key() + "', not '" + part + "'");
                }
                yield write(section);
            }
        };
        Map<String, Part> parts = reports.parts(tenant(), id);
        Part current = parts.get(part);
        if (current == null) {
            reports.insertPart(tenant(), id, part, stored, user);
        } else if (!reports.updatePart(tenant(), id, part, stored, revision, user)) {
            throw new ConflictException(Refusal.of("report.partChanged", label(part), current.updatedBy(),
                    TIME.withZone(properties.zone()).format(current.updatedAt()), current.revision(), revision));
        }
        reports.contributed(tenant(), id, user, part);
        Report report = get(id);
        ReportDocument document = report.document();
        reports.updateListing(tenant(), id, document.header().title(), document.sequenceNumber(),
                document.periodStart(), document.periodEnd());
        events.publishEvent(Audited.inCurrentTenant("report.part-saved", "report", id.toString(),
                current == null ? null : Map.of("part", part, "revision", current.revision()),
                Map.of("part", part, "revision", report.revisions().get(part))));
        return report;
    }

    /** Freezes the draft as the next immutable version; only a draft, since a submitted report is locked. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Report.Version freeze(UUID id) {
        return freeze(requireDraft(id));
    }

    /**
     * Submits the draft for sign-off: freezes it as the next version, with its appendices (and the SHA-256 of each
     * one's bytes) and who contributed to it, and locks the report until it is returned.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Report.Version submit(UUID id) {
        ReportRepository.Row row = requireDraft(id);
        Report.Version version = freeze(row);
        String user = users.require().username();
        reports.submitted(tenant(), id, version.number(), user);
        events.publishEvent(Audited.inCurrentTenant("report.submitted", "report", id.toString(), Map.of("stage", "DRAFT"),
                Map.of("stage", "SUBMITTED", "version", version.number(), "appendices", version.appendices().size())));
        events.publishEvent(new ReportSubmitted(tenant(), id, version.number(), user));
        return version;
    }

    /**
     * Signs off the submitted version, which must be {@code number}: that version and its appendices are what will be
     * published. Four-eyes: refused to whoever submitted it, created the report or saved any part of it.
     */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public Report.Approval approve(UUID id, int number) {
        ReportRepository.Row row = reports.lock(tenant(), id).orElseThrow(() -> notFound(id));
        if (row.stage() != Report.Stage.SUBMITTED) {
            throw new ConflictException(row.stage() == Report.Stage.SIGNED_OFF
                    // a second manager at the same moment waited for the first one's lock: tell them who
                    ? Refusal.of("report.alreadySignedOff", row.approvedBy(), row.approvedVersion(),
                            DAY.withZone(properties.zone()).format(row.approvedAt()),
                            HOUR.withZone(properties.zone()).format(row.approvedAt()))
                    : Refusal.of("report.draftNotSubmitted"));
        }
        if (row.submittedVersion() != number) {
            throw new ConflictException(Refusal.of("report.otherVersionSubmitted", row.submittedVersion(), number));
        }
        Report.Version version = version(id, number);
        signOffRefusal(row, version, users.require().username()).ifPresent(reason -> {
            throw new RefusedAccessException(reason);
        });
        String user = users.require().username();
        reports.signedOff(tenant(), id, number, user);
        events.publishEvent(Audited.inCurrentTenant("report.signed-off", "report", id.toString(), Map.of("stage", "SUBMITTED"),
                Map.of("stage", "SIGNED_OFF", "version", number, "appendices", version.appendices().stream()
                        .map(a -> Map.of("appendix", a.number(), "sha256", a.sha256())).toList())));
        events.publishEvent(new ReportSignedOff(tenant(), id, number, user));
        return get(id).approval();
    }

    /** A manager or the board returns the submitted (or signed-off) report to its authors: it is a draft again. */
    @Transactional
    @PreAuthorize(REVIEWERS)
    public void returnForChanges(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw RefusedException.of("task.returnReasonRequired");
        }
        ReportRepository.Row row = reports.lock(tenant(), id).orElseThrow(() -> notFound(id));
        if (row.stage() == Report.Stage.DRAFT) {
            throw new ConflictException(Refusal.of("report.alreadyDraft"));
        }
        String user = users.require().username();
        reports.returned(tenant(), id);
        events.publishEvent(Audited.inCurrentTenant("report.returned", "report", id.toString(),
                Map.of("stage", row.stage().name()), Map.of("stage", "DRAFT", "reason", reason.strip())));
        events.publishEvent(new ReportReturned(tenant(), id, row.submittedVersion() == null ? 0 : row.submittedVersion(),
                user, reason.strip()));
    }

    /**
     * Why the current user may not sign off the version now submitted (four-eyes), in words to show them; empty when
     * they may, or when nothing is awaiting sign-off.
     */
    public Optional<Refusal> signOffRefusal(UUID id) {
        ReportRepository.Row row = row(id);
        if (row.stage() != Report.Stage.SUBMITTED || row.submittedVersion() == null) {
            return Optional.empty();
        }
        return signOffRefusal(id, users.require().username());
    }

    /**
     * Why {@code username} may not sign off the version now submitted (four-eyes), as {@link #signOffRefusal(UUID)}
     * says it to them: for offering, handing on and reassigning the sign-off only to people who may do it.
     */
    public Optional<Refusal> signOffRefusal(UUID id, String username) {
        ReportRepository.Row row = row(id);
        if (row.stage() != Report.Stage.SUBMITTED || row.submittedVersion() == null) {
            return Optional.empty();
        }
        return signOffRefusal(row, version(id, row.submittedVersion()), username);
    }

    private static Optional<Refusal> signOffRefusal(ReportRepository.Row row, Report.Version version, String me) {
        if (me.equals(row.submittedBy())) {
            return Optional.of(Refusal.of("fourEyes.youSubmitted"));
        }
        List<Refusal> mine = new ArrayList<>();
        if (me.equals(row.createdBy())) {
            mine.add(Refusal.of("fourEyes.created"));
        }
        version.contributors().stream()
                .filter(c -> c.username().equals(me) && !"created".equals(c.contribution()))
                .map(c -> APPENDICES.equals(c.contribution()) ? Refusal.of("fourEyes.appendices")
                        : Refusal.of("fourEyes.saved", lower(label(c.contribution()))))
                .distinct()
                .forEach(mine::add);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Refusal did = mine.get(mine.size() - 1);
        for (int i = mine.size() - 2; i >= 0; i--) {
            did = Refusal.of("fourEyes.and", mine.get(i), did);
        }
        return Optional.of(Refusal.of("fourEyes.youDid", did));
    }

    /**
     * The signed-off version as scheduling publishes it: exactly the approved version and the appendices it was
     * submitted with, each one's stored bytes checked against the SHA-256 recorded then. A report not signed off, or
     * an appendix whose bytes changed since, is refused and nothing is published.
     */
    public Report.Approved approvedForPublication(UUID id) {
        ReportRepository.Row row = row(id);
        if (row.stage() != Report.Stage.SIGNED_OFF || row.approvedVersion() == null) {
            throw new ConflictException(Refusal.of("report.notSignedOff"));
        }
        Report.Version version = version(id, row.approvedVersion());
        List<Report.ApprovedAppendix> appendices = new ArrayList<>();
        for (Report.FrozenAppendix frozen : version.appendices()) {
            StoredDocument document = documents.find(frozen.documentId()).orElseThrow(() -> new ConflictException(
                    Refusal.of("report.appendixGone", frozen.number(), frozen.title())));
            String actual = sha256(documents.content(frozen.documentId()));
            if (!actual.equals(frozen.sha256())) {
                throw new ConflictException(Refusal.of("report.appendixChanged", frozen.number(), frozen.title(),
                        frozen.sha256(), actual));
            }
            appendices.add(new Report.ApprovedAppendix(frozen.number(), frozen.title(), document, frozen.sha256()));
        }
        return new Report.Approved(id, version.number(), version.document(), row.approvedAt(), row.approvedBy(),
                List.copyOf(appendices));
    }

    /**
     * For changes to the report made elsewhere (its appendices): locks the report's row for the caller's transaction
     * and refuses (409, saying why) unless it is a draft.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @PreAuthorize(EDITORS)
    public void lockForEditing(UUID id) {
        requireDraft(id);
    }

    /**
     * Locks the report's row for the caller's transaction, whatever its stage, so that acts on the report as a whole
     * (starting its cycle) happen one at a time.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @PreAuthorize(EDITORS)
    public void lock(UUID id) {
        reports.lock(tenant(), id).orElseThrow(() -> notFound(id));
    }

    /** Records that the current user added or removed an appendix: they contributed to the version (four-eyes). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @PreAuthorize(EDITORS)
    public void appendicesChanged(UUID id) {
        reports.contributed(tenant(), id, users.require().username(), APPENDICES);
    }

    /** Locks the report's row and refuses unless it is a draft, saying since when and until when it is locked. */
    private ReportRepository.Row requireDraft(UUID id) {
        ReportRepository.Row row = reports.lock(tenant(), id).orElseThrow(() -> notFound(id));
        if (row.stage() != Report.Stage.DRAFT) {
            Report report = report(row, null, Map.of());
            throw new ConflictException(report.editingRefusal(properties.zone()).orElseThrow());
        }
        return row;
    }

    private Report.Version freeze(ReportRepository.Row row) {
        UUID id = row.id();
        ReportDocument document = assemble(reports.parts(tenant(), id));
        validate(document);
        int number = row.latestVersion() + 1;
        String user = users.require().username();
        List<Report.FrozenAppendix> appendices = reports.appendices(tenant(), id).stream().map(a -> {
            // the hash of the bytes as they are now, so that a file changed since its upload is not signed off
            String actual = sha256(documents.content(a.documentId()));
            if (!actual.equals(a.sha256())) {
                throw new ConflictException(Refusal.of("report.appendixMismatch", a.number(), a.title(), a.sha256()));
            }
            return a;
        }).toList();
        reports.insertVersion(tenant(), id, number, write(document), user, write(appendices), reports.contributorsJson(tenant(), id));
        events.publishEvent(Audited.inCurrentTenant("report.version-frozen", "report", id.toString(), null,
                Map.of("version", number)));
        events.publishEvent(new ReportVersionFrozen(tenant(), id, number, user));
        return version(id, number);
    }

    public List<Report.Version> versions(UUID id) {
        row(id);
        return reports.versions(tenant(), id).stream().map(this::toVersion).toList();
    }

    public Report.Version version(UUID id, int number) {
        row(id);
        return reports.version(tenant(), id, number).map(this::toVersion)
                .orElseThrow(() -> new NotFoundException("Report " + id + " has no version " + number));
    }

    public ReportDiff diff(UUID id, int from, int to) {
        Report.Version before = version(id, from);
        Report.Version after = version(id, to);
        return ReportDiff.between(from, before.document(), to, after.document())
                .withAppendices(before.appendices(), after.appendices());
    }

    /** Records that the caller has reviewed this version of the report. */
    @Transactional
    @PreAuthorize(REVIEWERS)
    public void markReviewed(UUID id, int number) {
        version(id, number);
        reports.markReviewed(tenant(), id, users.require().username(), number);
    }

    /**
     * What changed between the version the caller last reviewed and the latest one; against an empty report when
     * they have reviewed none, so that everything shows as new.
     */
    @PreAuthorize(REVIEWERS)
    public ReportDiff changesSinceMyLastReview(UUID id) {
        ReportRepository.Row row = row(id);
        if (row.latestVersion() == 0) {
            throw new ConflictException(Refusal.of("report.notSubmitted"));
        }
        int latest = row.latestVersion();
        int reviewed = reports.lastReviewed(tenant(), id, users.require().username()).orElse(0);
        Report.Version earlier = reviewed == 0 ? null : version(id, reviewed);
        Report.Version now = version(id, latest);
        return ReportDiff.between(reviewed, earlier == null ? empty() : earlier.document(), latest, now.document())
                .withAppendices(earlier == null ? List.of() : earlier.appendices(), now.appendices());
    }

    /** The indicators of the report's plan, as they stood in its reporting period. */
    public PerformanceData performance(UUID id) {
        Report report = get(id);
        ReportDocument document = report.document();
        if (report.planId() == null) {
            return new PerformanceData(document.periodStart(), document.periodEnd(), List.of());
        }
        return PerformanceData.of(document.periodStart(), document.periodEnd(), plans.indicators(report.planId()));
    }

    public Report.Export export(UUID id) {
        return new Report.Export(Report.Export.FORMAT, get(id).document());
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Report importReport(UUID planId, Report.Export export) {
        if (!Report.Export.FORMAT.equals(export.format())) {
            throw new IllegalArgumentException("Unknown export format '" + export.format() + "'; expected " + Report.Export.FORMAT);
        }
        if (export.document() == null) {
            throw new IllegalArgumentException("The export holds no document");
        }
        return create(planId, export.document());
    }

    private ReportDocument assemble(Map<String, Part> parts) {
        HeaderPart header = read(parts.get(HEADER).content(), HeaderPart.class);
        String summary = read(parts.get(SUMMARY).content(), String.class);
        List<String> recommendations = read(parts.get(RECOMMENDATIONS).content(), new TypeReference<List<String>>() { });
        List<Section> sections = new ArrayList<>();
        for (String key : ReportDocument.SECTION_KEYS) {
            if (parts.containsKey(key)) {
                sections.add(read(parts.get(key).content(), Section.class));
            }
        }
        ReportDocument.Welsh welsh = parts.containsKey(WELSH) ? read(parts.get(WELSH).content(), ReportDocument.Welsh.class) : null;
        return new ReportDocument(header.sequenceNumber(), header.periodStart(), header.periodEnd(), header.header(),
                summary, recommendations, sections, welsh);
    }

    private static ReportDocument empty() {
        Header header = new Header(null, null, null, null, null, null, null, false, false, null, null);
        return new ReportDocument(null, null, null, header, null, List.of(), List.of());
    }

    private Report.Version toVersion(ReportRepository.VersionRow row) {
        return new Report.Version(row.number(), read(row.document(), ReportDocument.class), row.frozenAt(), row.frozenBy(),
                read(row.appendices(), new TypeReference<List<Report.FrozenAppendix>>() { }),
                read(row.contributors(), new TypeReference<List<Report.Contributor>>() { }));
    }

    private static String lower(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReportRepository.Row row(UUID id) {
        return reports.find(tenant(), id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No report " + id + " in this council");
    }

    private <T> T validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** The summary's Markdown: a JSON string or null, never whatever else {@code asText()} would make of it. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (!content.isTextual()) {
            throw new org.councilflow.common.InvalidFieldException("content", "must be a text (the summary's Markdown), not " + content.getNodeType().name().toLowerCase());
        }
        return content.textValue();
    }

    private static String validateSize(String summary) {
        if (summary != null && summary.length() > 50_000) {
            throw RefusedException.of("report.summaryTooLong");
        }
        return summary;
    }

    private static List<String> validateRecommendations(List<String> recommendations) {
        if (recommendations == null || recommendations.size() > 100
                || recommendations.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 5_000)) {
            throw RefusedException.of("report.recommendationsLimits");
        }
        return recommendations;
    }

    /** The Welsh part is a new shape: a field it does not have is a mistake to name, not to drop in silence. */
    private static JsonNode knownFields(JsonNode content, String... fields) {
        if (content != null && content.isObject()) {
            List<String> known = List.of(fields);
            content.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw new org.councilflow.common.InvalidFieldException("content." + name.replaceAll("[^A-Za-z]", "?"),
                            "is not a field of the Welsh text: it has " + known);
                }
            });
        }
        return content;
    }

    private static String label(String part) {
        return switch (part) {
            case HEADER -> "The header";
            case SUMMARY -> "The summary";
            case RECOMMENDATIONS -> "The recommendations";
            case WELSH -> "The Welsh text";
            default -> "Section '" + part + "'";
        };
    }

    private <T> T read(JsonNode content, Class<T> type) {
        try {
            // a part as a client sent it: a field the part does not have is refused, not dropped
            return json.readerFor(type).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(content);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            StringBuilder field = new StringBuilder("content");
            e.getPath().forEach(step -> field.append(step.getFieldName() != null ? "." + step.getFieldName()
                    : step.getIndex() >= 0 ? "[" + step.getIndex() + "]" : ""));
            throw new org.councilflow.common.InvalidFieldException(field.toString(), "is not valid in a "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("That is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("That is not a valid " + type.getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("That is not a valid " + type.getSimpleName());
        }
    }

    private <T> T read(JsonNode content, TypeReference<T> type) {
        try {
            return json.readValue(json.treeAsTokens(content), type);
        } catch (java.io.IOException e) {
            throw new org.councilflow.common.InvalidFieldException("content", "must be a list of texts");
        }
    }

    private <T> T read(String content, Class<T> type) {
        try {
            return json.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored report content is unreadable", e);
        }
    }

    private <T> T read(String content, TypeReference<T> type) {
        try {
            return json.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored report content is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tenant() {
        return TenantContext.require();
    }

    /** The header part: what the template's header table and the reporting period hold. */
    public record HeaderPart(
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(999) Integer sequenceNumber,
            LocalDate periodStart,
            LocalDate periodEnd,
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid Header header) {
    }
}
