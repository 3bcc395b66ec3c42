package org.councilflow.workflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.InvalidFieldException;
import org.councilflow.workflow.Completion;
import org.councilflow.workflow.CycleEvent;
import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.InboxQuery;
import org.councilflow.workflow.ReportCycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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

    /** The inbox's page when none is asked for: the staff UI's grid page. */
    static final int DEFAULT_PAGE_SIZE = 50;

    @GetMapping("/api/t/{tenant}/tasks")
    @Operation(summary = "My inbox: my tasks and the ones my roles may claim, newest first, one page at a time",
            description = "page counts from 0; size is 1 to " + ReportCycle.MAX_PAGE + " (default " + DEFAULT_PAGE_SIZE
                    + "); report narrows it to one report's tasks. While more follow, a Link header names the next page "
                    + "(rel=\"next\"); after the first, the previous (rel=\"prev\"). 400 naming the parameter when one is out of range.")
    ResponseEntity<List<CycleTask>> inbox(@PathVariable String tenant, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, @RequestParam(required = false) UUID report,
            HttpServletRequest request) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > ReportCycle.MAX_PAGE) {
            throw new InvalidFieldException("size", "must be from 1 to " + ReportCycle.MAX_PAGE);
        }
        if ((long) page * size > Integer.MAX_VALUE - size - 1) {
            throw new InvalidFieldException("page", "is beyond any inbox");
        }
        InboxQuery query = report == null ? InboxQuery.EVERYTHING : InboxQuery.forReport(report);
        // one more than the page: whether a next page exists, without counting the whole inbox
        List<CycleTask> found = cycle.inbox(query, InboxQuery.Sort.CREATED, false, page * size, size + 1);
        boolean more = found.size() > size;
        List<String> links = new ArrayList<>();
        if (more) {
            links.add(link(request, page + 1, size, report, "next"));
        }
        if (page > 0) {
            links.add(link(request, page - 1, size, report, "prev"));
        }
        var response = ResponseEntity.ok();
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(more ? found.subList(0, size) : found);
    }

    /** A link relative to this server (the path as requested, never the Host header). */
    private static String link(HttpServletRequest request, int page, int size, UUID report, String rel) {
        var uri = UriComponentsBuilder.fromPath(request.getRequestURI()).queryParam("page", page).queryParam("size", size);
        if (report != null) {
            uri.queryParam("report", report);
        }
        return "<" + uri.build().encode().toUriString() + ">; rel=\"" + rel + "\"";
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
