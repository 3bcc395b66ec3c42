package org.councilflow.minutes.web;

import java.util.UUID;

import org.councilflow.minutes.ItemMinutes;
import org.councilflow.minutes.MeetingMinutes;
import org.councilflow.minutes.Minutes;
import org.councilflow.minutes.MinutesVersion;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/t/{tenant}/meetings/{meetingId}/minutes")
@Tag(name = "Minutes")
class MinutesController {

    private final Minutes minutes;

    MinutesController(Minutes minutes) {
        this.minutes = minutes;
    }

    @GetMapping
    @Operation(summary = "The meeting's minutes: draft or approved, every item's working copy, every frozen version")
    MeetingMinutes get(@PathVariable String tenant, @PathVariable UUID meetingId) {
        return minutes.get(meetingId);
    }

    @GetMapping("/items/{itemId}")
    ItemMinutes item(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId) {
        return minutes.item(meetingId, itemId);
    }

    @PutMapping("/items/{itemId}")
    @Operation(summary = "Write an item's minutes, resolutions and declarations of interest (clerk)",
            description = "Minutes in Markdown; resolutions as {text, points}; send the version you loaded, a stale one gets 409.")
    ItemMinutes save(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable UUID itemId,
            @Valid @RequestBody ItemChange change) {
        return minutes.save(meetingId, itemId, change.minutes(), change.version());
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One frozen version of the minutes (draft published, approved, or amended)")
    MinutesVersion version(@PathVariable String tenant, @PathVariable UUID meetingId, @PathVariable int version) {
        return minutes.version(meetingId, version);
    }

    @PostMapping("/approval")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the approval of the minutes at a later meeting (clerk)",
            description = "approvedAtItemId: that meeting's item \"minutes of the previous meeting\"; version: the latest version you saw (0 for none).")
    MinutesVersion approve(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Approval approval) {
        return minutes.approve(meetingId, approval.approvedAtItemId(), approval.version());
    }

    @PostMapping("/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct approved minutes: a new version with a note (clerk)")
    MinutesVersion amend(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Amendment amendment) {
        return minutes.amend(meetingId, amendment.note(), amendment.version());
    }

    @PostMapping("/draft-publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the draft minutes before approval, where the council publishes draft minutes (clerk)")
    MinutesVersion publishDraft(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody DraftPublication body) {
        return minutes.publishDraft(meetingId, body.version());
    }

    record ItemChange(@NotNull @Valid ItemMinutes.Draft minutes, @NotNull @Min(0) Integer version) {
    }

    record Approval(@NotNull UUID approvedAtItemId, @NotNull @Min(0) @Max(100_000) Integer version) {
    }

    record Amendment(@NotNull @Size(min = 1, max = 500) String note, @NotNull @Min(0) @Max(100_000) Integer version) {
    }

    record DraftPublication(@NotNull @Min(0) @Max(100_000) Integer version) {
    }
}
