package org.councilflow.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final ReportRepository reports;
    private final CurrentUsers users;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Plans plans;

    Reports(ReportRepository reports, CurrentUsers users, ObjectMapper json, Validator validator,
            ApplicationEventPublisher events, Plans plans) {
        this.plans = plans;
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
        return new Report(id, row.planId(), assemble(parts), revisions, row.latestVersion(), row.updatedAt());
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
        reports.insertPart(tenant(), id, HEADER, write(new HeaderPart(document.sequenceNumber(), document.periodStart(),
                document.periodEnd(), document.header())), user);
        reports.insertPart(tenant(), id, SUMMARY, write(document.summary()), user);
        reports.insertPart(tenant(), id, RECOMMENDATIONS, write(document.recommendations()), user);
        for (Section section : document.sections()) {
            reports.insertPart(tenant(), id, section.key(), write(section), user);
        }
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
        row(id);
        String user = users.require().username();
        String stored = switch (part) {
            case HEADER -> write(validate(read(content, HeaderPart.class)));
            case SUMMARY -> write(validateSize(text(content)));
            case RECOMMENDATIONS -> write(validateRecommendations(read(content, new TypeReference<List<String>>() { })));
            default -> {
                if (!ReportDocument.SECTION_KEYS.contains(part)) {
                    throw new NotFoundException("A report has no part '" + part.replaceAll("[^A-Za-z]", "?")
                            + "'; parts are header, summary, recommendations and " + ReportDocument.SECTION_KEYS);
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
            throw new ConflictException(label(part) + " was changed by " + current.updatedBy() + " at "
                    + TIME.format(current.updatedAt()) + " (revision " + current.revision() + ", you loaded " + revision
                    + "). Nothing was saved: reload the section, then apply your change again.");
        }
        Report report = get(id);
        ReportDocument document = report.document();
        reports.updateListing(tenant(), id, document.header().title(), document.sequenceNumber(),
                document.periodStart(), document.periodEnd());
        events.publishEvent(Audited.inCurrentTenant("report.part-saved", "report", id.toString(),
                current == null ? null : Map.of("part", part, "revision", current.revision()),
                Map.of("part", part, "revision", report.revisions().get(part))));
        return report;
    }

    /** Freezes the draft as the next immutable version, e.g. on submission for sign-off. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Report.Version freeze(UUID id) {
        ReportRepository.Row row = reports.lock(tenant(), id).orElseThrow(() -> notFound(id));
        ReportDocument document = assemble(reports.parts(tenant(), id));
        validate(document);
        int number = row.latestVersion() + 1;
        String user = users.require().username();
        reports.insertVersion(tenant(), id, number, write(document), user);
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
        return ReportDiff.between(from, version(id, from).document(), to, version(id, to).document());
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
            throw new ConflictException("This report has not been submitted yet: there is no version to review");
        }
        int latest = row.latestVersion();
        int reviewed = reports.lastReviewed(tenant(), id, users.require().username()).orElse(0);
        ReportDocument before = reviewed == 0 ? empty() : version(id, reviewed).document();
        return ReportDiff.between(reviewed, before, latest, version(id, latest).document());
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
        return new ReportDocument(header.sequenceNumber(), header.periodStart(), header.periodEnd(), header.header(),
                summary, recommendations, sections);
    }

    private static ReportDocument empty() {
        Header header = new Header(null, null, null, null, null, null, null, false, false, null, null);
        return new ReportDocument(null, null, null, header, null, List.of(), List.of());
    }

    private Report.Version toVersion(ReportRepository.VersionRow row) {
        return new Report.Version(row.number(), read(row.document(), ReportDocument.class), row.frozenAt(), row.frozenBy());
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
            throw new IllegalArgumentException("The summary is longer than 50,000 characters");
        }
        return summary;
    }

    private static List<String> validateRecommendations(List<String> recommendations) {
        if (recommendations == null || recommendations.size() > 100
                || recommendations.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 5_000)) {
            throw new IllegalArgumentException("Recommendations must be a list of at most 100 non-empty texts of up to 5,000 characters");
        }
        return recommendations;
    }

    private static String label(String part) {
        return switch (part) {
            case HEADER -> "The header";
            case SUMMARY -> "The summary";
            case RECOMMENDATIONS -> "The recommendations";
            default -> "Section '" + part + "'";
        };
    }

    private <T> T read(JsonNode content, Class<T> type) {
        try {
            return json.treeToValue(content, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            StringBuilder field = new StringBuilder("content");
            e.getPath().forEach(step -> field.append(step.getFieldName() != null ? "." + step.getFieldName()
                    : step.getIndex() >= 0 ? "[" + step.getIndex() + "]" : ""));
            throw new org.councilflow.common.InvalidFieldException(field.toString(), "is not valid in a "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("That is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
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
