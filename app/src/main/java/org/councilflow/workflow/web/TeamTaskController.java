package org.councilflow.workflow.web;

import java.util.List;

import org.councilflow.workflow.CycleTask;
import org.councilflow.workflow.TeamTasks;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Report cycle")
class TeamTaskController {

    private final TeamTasks team;

    TeamTaskController(TeamTasks team) {
        this.team = team;
    }

    @GetMapping("/api/t/{tenant}/team-tasks")
    @Operation(summary = "The open tasks at the stages I lead (managers, clerks, the board's chair), by stage and due date")
    List<CycleTask> open(@PathVariable String tenant) {
        return team.open();
    }

    @GetMapping("/api/t/{tenant}/tasks/{taskId}/candidates")
    @Operation(summary = "Who may take the task: this council's holders of its stage's role whom four-eyes allows")
    List<String> candidates(@PathVariable String tenant, @PathVariable String taskId) {
        return team.candidates(taskId);
    }

    @PutMapping("/api/t/{tenant}/tasks/{taskId}/reassignment")
    @Operation(summary = "The stage's lead gives the task to someone else",
            description = "400 naming the username when that person may not take it (role or four-eyes).")
    CycleTask reassign(@PathVariable String tenant, @PathVariable String taskId, @Valid @RequestBody Reassignment reassignment) {
        return team.reassign(taskId, reassignment.username());
    }

    record Reassignment(@NotBlank @Size(max = 200) String username) {
    }

    @DeleteMapping("/api/t/{tenant}/tasks/{taskId}/reassignment")
    @Operation(summary = "The stage's lead puts a claimed task back in the pool")
    CycleTask release(@PathVariable String tenant, @PathVariable String taskId) {
        return team.release(taskId);
    }
}
