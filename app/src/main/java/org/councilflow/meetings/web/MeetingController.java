package org.councilflow.meetings.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/t/{tenant}/meetings")
@Tag(name = "Meetings", description = "Committee meetings and their agendas")
class MeetingController {

    private final Meetings meetings;

    MeetingController(Meetings meetings) {
        this.meetings = meetings;
    }

    /** The agenda's order, as item ids, on the meeting's version the clerk saw. */
    record Order(@NotNull @Size(max = 500) List<@NotNull UUID> itemIds, @NotNull Integer version) {
    }

    /** Publishing the agenda, on the meeting's version the clerk previewed. */
    record Publication(@NotNull Integer version) {
    }

    @GetMapping
    @Operation(summary = "Meetings from a date on (default: all)")
    List<Meeting> from(@PathVariable String tenant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        return meetings.from(from == null ? Instant.EPOCH : from);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Arrange a committee meeting (clerk)",
            description = "At a venue, hybrid (venue and https link), remote (link) or with no location (old papers).")
    Meeting arrange(@PathVariable String tenant, @Valid @RequestBody Meeting.Draft draft) {
        return meetings.arrange(draft);
    }

    @GetMapping("/{meetingId}")
    Meeting get(@PathVariable String tenant, @PathVariable UUID meetingId) {
        return meetings.get(meetingId);
    }

    @PutMapping("/{meetingId}")
    @Operation(summary = "Change a meeting's details (clerk)",
            description = "On the version you loaded (else 409). Once the agenda is published, an amendment: amendmentNote required.")
    Meeting change(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Meeting.Change change) {
        return meetings.change(meetingId, change);
    }

    @PostMapping("/{meetingId}/status")
    @Operation(summary = "Cancel, postpone or move a meeting, with a note (clerk)")
    Meeting status(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Meeting.StatusChange change) {
        return meetings.changeStatus(meetingId, change);
    }

    @PutMapping("/{meetingId}/agenda/order")
    @Operation(summary = "Order the agenda's items (clerk)",
            description = "Every item once, on the version you loaded (else 409). A published agenda's order is fixed (409).")
    Meeting order(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Order order) {
        return meetings.reorder(meetingId, order.itemIds(), order.version());
    }

    @PostMapping("/{meetingId}/agenda/publication")
    @Operation(summary = "Publish the agenda (clerk)",
            description = "The one moment from which the agenda is public: reports from the cycle as signed off, exempt items by heading only. Dated by the cycle's clock.")
    Meeting publish(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Publication publication) {
        return meetings.publishAgenda(meetingId, publication.version());
    }
}
