package org.councilflow.plans.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.councilflow.documents.Downloads;
import org.councilflow.plans.Indicator;
import org.councilflow.plans.InspectionEvent;
import org.councilflow.plans.Plan;
import org.councilflow.plans.PlanExport;
import org.councilflow.plans.Plans;
import org.councilflow.plans.Risk;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/t/{tenant}/plans")
@Tag(name = "Improvement plans", description = "Plans, themes and actions, indicators, risks and inspection events")
class PlanController {

    private final Plans plans;
    private final org.councilflow.documents.Documents documents;

    PlanController(Plans plans, org.councilflow.documents.Documents documents) {
        this.plans = plans;
        this.documents = documents;
    }

    @GetMapping
    List<Plan.Summary> all(@PathVariable String tenant) {
        return plans.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a plan with its themes and actions")
    Plan create(@PathVariable String tenant, @Valid @RequestBody Plan.Draft draft) {
        return plans.create(draft);
    }

    @GetMapping("/{planId}")
    Plan get(@PathVariable String tenant, @PathVariable UUID planId) {
        return plans.get(planId);
    }

    @PutMapping("/{planId}")
    @Operation(summary = "Replace a plan's header, themes and actions", description = "Send the version you loaded; a stale version gets 409 and nothing is saved.")
    Plan update(@PathVariable String tenant, @PathVariable UUID planId, @Valid @RequestBody PlanChange change) {
        return plans.update(planId, change.plan(), change.version());
    }

    @GetMapping("/{planId}/export")
    @Operation(summary = "The whole plan as a portable JSON document")
    PlanExport export(@PathVariable String tenant, @PathVariable UUID planId) {
        return plans.export(planId);
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a plan, with its indicators, risks and inspections, from an export")
    Plan importPlan(@PathVariable String tenant, @Valid @RequestBody PlanExport export) {
        return plans.importPlan(export);
    }

    @GetMapping("/{planId}/indicators")
    List<Indicator> indicators(@PathVariable String tenant, @PathVariable UUID planId) {
        return plans.indicators(planId);
    }

    @PostMapping("/{planId}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    Indicator defineIndicator(@PathVariable String tenant, @PathVariable UUID planId,
            @Valid @RequestBody Indicator.Definition definition) {
        return plans.defineIndicator(planId, definition);
    }

    @GetMapping("/{planId}/indicators/{indicatorId}")
    Indicator indicator(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID indicatorId) {
        return plans.indicator(planId, indicatorId);
    }

    @PutMapping("/{planId}/indicators/{indicatorId}")
    Indicator redefineIndicator(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID indicatorId,
            @Valid @RequestBody IndicatorChange change) {
        return plans.redefineIndicator(planId, indicatorId, change.indicator(), change.version());
    }

    @PutMapping("/{planId}/indicators/{indicatorId}/values/{period}")
    @Operation(summary = "Record (or correct) an indicator's value for a period", description = "Periods: 2018-04 (month), 2018-Q1 (quarter), 2018 (year).")
    Indicator recordValue(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID indicatorId,
            @PathVariable String period, @Valid @RequestBody ValueEntry entry) {
        return plans.recordValue(planId, indicatorId, period, entry.value(), entry.note());
    }

    @GetMapping("/{planId}/risks")
    List<Risk> risks(@PathVariable String tenant, @PathVariable UUID planId) {
        return plans.risks(planId);
    }

    @PostMapping("/{planId}/risks")
    @ResponseStatus(HttpStatus.CREATED)
    Risk addRisk(@PathVariable String tenant, @PathVariable UUID planId, @Valid @RequestBody Risk.Entry entry) {
        return plans.addRisk(planId, entry);
    }

    @PutMapping("/{planId}/risks/{riskId}")
    Risk updateRisk(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID riskId,
            @Valid @RequestBody RiskChange change) {
        return plans.updateRisk(planId, riskId, change.risk(), change.version());
    }

    @GetMapping("/{planId}/inspections")
    List<InspectionEvent> inspections(@PathVariable String tenant, @PathVariable UUID planId) {
        return plans.inspections(planId);
    }

    @PostMapping("/{planId}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionEvent addInspection(@PathVariable String tenant, @PathVariable UUID planId,
            @Valid @RequestBody InspectionEvent.Details details) {
        return plans.addInspection(planId, details);
    }

    @PutMapping("/{planId}/inspections/{eventId}")
    InspectionEvent updateInspection(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID eventId,
            @Valid @RequestBody InspectionChange change) {
        return plans.updateInspection(planId, eventId, change.event(), change.version());
    }

    @PutMapping(value = "/{planId}/inspections/{eventId}/letter", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the inspection's letter (PDF, DOCX or XLSX, recognised from its bytes)")
    InspectionEvent attachLetter(@PathVariable String tenant, @PathVariable UUID planId, @PathVariable UUID eventId,
            @org.springframework.web.bind.annotation.RequestParam org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        // checked before the service's transaction opens: reading a hostile file holds no database connection
        return plans.attachLetter(planId, eventId, documents.check(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{planId}/inspections/{eventId}/letter")
    @Operation(summary = "Download the inspection's letter")
    org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable String tenant, @PathVariable UUID planId,
            @PathVariable UUID eventId) {
        Plans.Download letter = plans.letter(planId, eventId);
        return Downloads.attachment(letter.document(), letter.content());
    }

    record PlanChange(@NotNull @Valid Plan.Draft plan, @NotNull Integer version) {
    }

    record IndicatorChange(@NotNull @Valid Indicator.Definition indicator, @NotNull Integer version) {
    }

    record ValueEntry(@NotNull BigDecimal value, @Size(max = 2000) String note) {
    }

    record RiskChange(@NotNull @Valid Risk.Entry risk, @NotNull Integer version) {
    }

    record InspectionChange(@NotNull @Valid InspectionEvent.Details event, @NotNull Integer version) {
    }
}
