package org.councilflow.workflow.web;

import java.util.List;
import java.util.UUID;

import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleEvent;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.ReportCycle;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Report cycle", description = "Starting a report's cycle, the inbox, claiming and completing stages, history")
class TaskController {

    private final ReportCycle cycle;

    TaskController(ReportCycle cycle) {
        this.cycle = cycle;
    }

    @PostMapping("/api/t/{tenant}/reports/{reportId}/cycle")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the report's cycle; returns its first task (the draft). "
            + "Optional body {\"urgency\": \"urgent\"} shortens every stage's service level.")
    CycleTask start(@PathVariable String tenant, @PathVariable UUID reportId, @RequestBody(required = false) Start start) {
        return cycle.start(reportId, start == null ? null : start.urgency());
    }

    record Start(@jakarta.validation.constraints.Size(max = 20) String urgency) {
    }

    @PostMapping("/api/t/{tenant}/reports/{reportId}/call-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Request call-in of a published decision (member), inside its call-in period")
    void requestCallIn(@PathVariable String tenant, @PathVariable UUID reportId, @Valid @RequestBody CallIn callIn) {
        cycle.requestCallIn(reportId, callIn.reason());
    }

    record CallIn(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 5000) String reason) {
    }

    @GetMapping("/api/t/{tenant}/reports/{reportId}/history")
    List<CycleEvent> history(@PathVariable String tenant, @PathVariable UUID reportId) {
        return cycle.history(reportId);
    }

    @GetMapping("/api/t/{tenant}/tasks")
    @Operation(summary = "My inbox: my tasks and the ones my roles may claim")
    List<CycleTask> inbox(@PathVariable String tenant) {
        return cycle.inbox();
    }

    @PutMapping("/api/t/{tenant}/tasks/{taskId}/assignee")
    @Operation(summary = "Claim a task")
    CycleTask claim(@PathVariable String tenant, @PathVariable String taskId) {
        return cycle.claim(taskId);
    }

    @DeleteMapping("/api/t/{tenant}/tasks/{taskId}/assignee")
    @Operation(summary = "Release a task I claimed")
    CycleTask unclaim(@PathVariable String tenant, @PathVariable String taskId) {
        return cycle.unclaim(taskId);
    }

    @PutMapping("/api/t/{tenant}/tasks/{taskId}/delegate")
    @Operation(summary = "Hand a task to someone else holding the stage's role")
    CycleTask delegate(@PathVariable String tenant, @PathVariable String taskId, @Valid @RequestBody Delegation delegation) {
        return cycle.delegate(taskId, delegation.username());
    }

    record Delegation(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String username) {
    }

    @PostMapping("/api/t/{tenant}/tasks/{taskId}/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a stage with its outcome",
            description = "409 when someone else already completed or claimed it (saying who); 403 when your roles do not allow the stage, or four-eyes forbids it.")
    void complete(@PathVariable String tenant, @PathVariable String taskId, @Valid @RequestBody Completion completion) {
        cycle.complete(taskId, completion);
    }
}
