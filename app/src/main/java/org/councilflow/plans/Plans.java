package org.councilflow.plans;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.councilflow.common.Refusal;
import org.councilflow.common.Audited;
import org.councilflow.common.ConflictException;
import org.councilflow.common.NotFoundException;
import org.councilflow.documents.Documents;
import org.councilflow.documents.StoredDocument;
import org.councilflow.plans.internal.PlanRepository;
import org.councilflow.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The current council's improvement plans with their themes and actions, indicators, risks and inspection
 * events. The council's staff read them (councillors, {@code member}, see only what is published); officers, managers
 * and the council's administrator change them.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize(Plans.STAFF)
public class Plans {

    static final String STAFF = "hasAnyRole('AUTHOR', 'MANAGER', 'BOARD', 'BOARD_CHAIR', 'CLERK', 'TENANT_ADMIN')";
    static final String EDITORS = "hasAnyRole('AUTHOR', 'MANAGER', 'TENANT_ADMIN')";

    private final PlanRepository plans;
    private final ApplicationEventPublisher events;
    private final Documents documents;

    Plans(PlanRepository plans, ApplicationEventPublisher events, Documents documents) {
        this.documents = documents;
        this.plans = plans;
        this.events = events;
    }

    public List<Plan.Summary> all() {
        return plans.summaries(tenant());
    }

    public Plan get(UUID id) {
        return plans.find(tenant(), id).orElseThrow(() -> new NotFoundException("No improvement plan " + id + " in this council"));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Plan create(@NotNull @Valid Plan.Draft draft) {
        checkConsistent(draft);
        UUID id = UUID.randomUUID();
        plans.insert(tenant(), id, draft);
        Plan created = get(id);
        audit("plan.created", "plan", id, null, Map.of("title", created.title()));
        return created;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Plan update(UUID id, @NotNull @Valid Plan.Draft draft, int expectedVersion) {
        checkConsistent(draft);
        Plan before = get(id);
        if (!plans.update(tenant(), id, draft, expectedVersion)) {
            throw stale("the plan " + before.title(), expectedVersion, before.version());
        }
        Plan after = get(id);
        audit("plan.changed", "plan", id, Map.of("title", before.title(), "version", before.version()),
                Map.of("title", after.title(), "version", after.version()));
        return after;
    }

    public List<Indicator> indicators(UUID plan) {
        get(plan);
        return plans.indicators(tenant(), plan);
    }

    public Indicator indicator(UUID plan, UUID id) {
        return plans.indicator(tenant(), plan, id)
                .orElseThrow(() -> new NotFoundException("No indicator " + id + " in this plan"));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Indicator defineIndicator(UUID plan, @NotNull @Valid Indicator.Definition definition) {
        get(plan);
        UUID id = UUID.randomUUID();
        try {
            plans.insertIndicator(tenant(), plan, id, definition);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Refusal.of("plan.indicatorTaken", definition.name()));
        }
        audit("indicator.defined", "indicator", id, null, definition);
        return indicator(plan, id);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Indicator redefineIndicator(UUID plan, UUID id, @NotNull @Valid Indicator.Definition definition,
            int expectedVersion) {
        Indicator before = indicator(plan, id);
        if (!plans.updateIndicator(tenant(), plan, id, definition, expectedVersion)) {
            throw stale("the indicator " + before.name(), expectedVersion, before.version());
        }
        audit("indicator.redefined", "indicator", id, Map.of("name", before.name()), definition);
        return indicator(plan, id);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Indicator recordValue(UUID plan, UUID id,
            @NotNull @Pattern(regexp = "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$", message = "must be a month (2018-04), a quarter (2018-Q1) or a year (2018)") String period,
            @NotNull @Digits(integer = 10, fraction = 4) BigDecimal value, @Size(max = 2000) String note) {
        Indicator indicator = indicator(plan, id);
        plans.saveValue(tenant(), id, period, value, note);
        audit("indicator.value-recorded", "indicator", id, null,
                Map.of("indicator", indicator.name(), "period", period, "value", value));
        return indicator(plan, id);
    }

    public List<Risk> risks(UUID plan) {
        get(plan);
        return plans.risks(tenant(), plan);
    }

    public Risk risk(UUID plan, UUID id) {
        return plans.risk(tenant(), plan, id).orElseThrow(() -> new NotFoundException("No risk " + id + " in this plan"));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Risk addRisk(UUID plan, @NotNull @Valid Risk.Entry entry) {
        get(plan);
        UUID id = UUID.randomUUID();
        try {
            plans.insertRisk(tenant(), plan, id, entry);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Refusal.of("plan.riskTaken", entry.reference()));
        }
        audit("risk.added", "risk", id, null, entry);
        return risk(plan, id);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Risk updateRisk(UUID plan, UUID id, @NotNull @Valid Risk.Entry entry, int expectedVersion) {
        Risk before = risk(plan, id);
        try {
            if (!plans.updateRisk(tenant(), plan, id, entry, expectedVersion)) {
                throw stale("risk " + before.reference(), expectedVersion, before.version());
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Refusal.of("plan.riskTaken", entry.reference()));
        }
        audit("risk.changed", "risk", id, before, entry);
        return risk(plan, id);
    }

    public List<InspectionEvent> inspections(UUID plan) {
        get(plan);
        return plans.inspections(tenant(), plan);
    }

    public InspectionEvent inspection(UUID plan, UUID id) {
        return plans.inspection(tenant(), plan, id)
                .orElseThrow(() -> new NotFoundException("No inspection event " + id + " in this plan"));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public InspectionEvent addInspection(UUID plan, @NotNull @Valid InspectionEvent.Details details) {
        get(plan);
        UUID id = UUID.randomUUID();
        plans.insertInspection(tenant(), plan, id, details);
        audit("inspection.added", "inspection-event", id, null, Map.of("title", details.title()));
        return inspection(plan, id);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public InspectionEvent updateInspection(UUID plan, UUID id, @NotNull @Valid InspectionEvent.Details details,
            int expectedVersion) {
        InspectionEvent before = inspection(plan, id);
        if (!plans.updateInspection(tenant(), plan, id, details, expectedVersion)) {
            throw stale("the inspection event " + before.title(), expectedVersion, before.version());
        }
        audit("inspection.changed", "inspection-event", id, Map.of("title", before.title()), Map.of("title", details.title()));
        return inspection(plan, id);
    }

    /** Attaches the letter an inspection produced (PDF, Word or Excel, checked from its bytes), replacing any before. */
    @Transactional
    @PreAuthorize(EDITORS)
    public InspectionEvent attachLetter(UUID plan, UUID id, org.councilflow.documents.CheckedDocument file) {
        InspectionEvent event = inspection(plan, id);
        StoredDocument letter = documents.store(file);
        plans.attachLetter(tenant(), plan, id, letter.id());
        audit("inspection.letter-attached", "inspection-event", id, null,
                Map.of("title", event.title(), "file", letter.filename(), "sha256", letter.sha256()));
        return inspection(plan, id);
    }

    /** The letter of an inspection event, for download. */
    public Download letter(UUID plan, UUID id) {
        inspection(plan, id);
        UUID document = plans.letterOf(tenant(), plan, id)
                .orElseThrow(() -> new NotFoundException("This inspection event has no letter"));
        return new Download(documents.find(document).orElseThrow(), documents.content(document));
    }

    /** A document with its bytes. */
    public record Download(StoredDocument document, byte[] content) {
    }

    /** The whole plan in portable form, for export and import. */
    public PlanExport export(UUID id) {
        Plan plan = get(id);
        Plan.Draft draft = new Plan.Draft(plan.title(), plan.serviceArea(), plan.origin(), plan.targetJudgement(), plan.themes());
        List<PlanExport.IndicatorExport> indicators = plans.indicators(tenant(), id).stream()
                .map(i -> new PlanExport.IndicatorExport(
                        new Indicator.Definition(i.name(), i.unit(), i.polarity(), i.target(), i.tolerance(), i.frequency()),
                        i.values().stream().map(v -> new PlanExport.ValueExport(v.period(), v.value(), v.note())).toList()))
                .toList();
        List<Risk.Entry> risks = plans.risks(tenant(), id).stream()
                .map(r -> new Risk.Entry(r.reference(), r.title(), r.owner(), r.inherentLikelihood(), r.inherentImpact(),
                        r.residualLikelihood(), r.residualImpact(), r.previousResidualScore(), r.mitigation()))
                .toList();
        List<InspectionEvent.Details> inspections = plans.inspections(tenant(), id).stream()
                .map(e -> new InspectionEvent.Details(e.type(), e.title(), e.startDate(), e.endDate(), e.focus(),
                        e.judgement(), e.summary()))
                .toList();
        return new PlanExport(PlanExport.FORMAT, draft, indicators, risks, inspections);
    }

    /** Creates a plan, with its registers, from an export: all of it or, on any error, none of it. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Plan importPlan(@NotNull @Valid PlanExport export) {
        if (!PlanExport.FORMAT.equals(export.format())) {
            throw new IllegalArgumentException("Unknown export format '" + export.format() + "'; expected " + PlanExport.FORMAT);
        }
        Plan plan = create(export.plan());
        for (PlanExport.IndicatorExport indicator : export.indicators()) {
            Indicator defined = defineIndicator(plan.id(), indicator.definition());
            for (PlanExport.ValueExport value : indicator.values()) {
                recordValue(plan.id(), defined.id(), value.period(), value.value(), value.note());
            }
        }
        export.risks().forEach(risk -> addRisk(plan.id(), risk));
        export.inspections().forEach(event -> addInspection(plan.id(), event));
        return get(plan.id());
    }

    /** Theme numbers and action references must each be unique within a plan. */
    private static void checkConsistent(Plan.Draft draft) {
        Set<Integer> numbers = new HashSet<>();
        Set<String> references = new HashSet<>();
        for (Plan.Theme theme : draft.themes()) {
            if (!numbers.add(theme.number())) {
                throw new IllegalArgumentException("Theme " + theme.number() + " appears twice");
            }
            for (Plan.Action action : theme.actions()) {
                if (!references.add(action.reference())) {
                    throw new IllegalArgumentException("Action reference " + action.reference() + " appears twice");
                }
            }
        }
    }

    private void audit(String action, String type, UUID id, Object before, Object after) {
        events.publishEvent(Audited.inCurrentTenant(action, type, id.toString(), before, after));
    }

    private static ConflictException stale(String what, int expected, int actual) {
        return new ConflictException(Refusal.of("plan.changedMeanwhile", what, expected, actual));
    }

    private static String tenant() {
        return TenantContext.require();
    }
}
