package org.councilflow.meetings.web;

import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;
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

@RestController
@RequestMapping("/api/t/{tenant}/committees")
@Tag(name = "Committees", description = "The council's committees and their members")
class CommitteeController {

    private final Committees committees;

    CommitteeController(Committees committees) {
        this.committees = committees;
    }

    @GetMapping
    List<Committee> all(@PathVariable String tenant) {
        return committees.all();
    }

    @GetMapping("/{committeeId}")
    Committee get(@PathVariable String tenant, @PathVariable UUID committeeId) {
        return committees.get(committeeId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a committee (tenant-admin)")
    Committee create(@PathVariable String tenant, @Valid @RequestBody Committee.Draft draft) {
        return committees.create(draft);
    }

    @PutMapping("/{committeeId}")
    @Operation(summary = "Change a committee (tenant-admin)", description = "Send the version you loaded; a stale version gets 409.")
    Committee update(@PathVariable String tenant, @PathVariable UUID committeeId, @Valid @RequestBody Change change) {
        return committees.update(committeeId, change.committee(), change.version());
    }

    record Change(@NotNull @Valid Committee.Draft committee, @NotNull Integer version) {
    }
}
