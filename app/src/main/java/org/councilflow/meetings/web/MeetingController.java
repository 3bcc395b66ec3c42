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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/t/{tenant}/meetings")
@Tag(name = "Meetings", description = "Committee meetings and their agendas")
class MeetingController {

    private final Meetings meetings;

    MeetingController(Meetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    @Operation(summary = "Meetings from a date on (default: all)")
    List<Meeting> from(@PathVariable String tenant,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        return meetings.from(from == null ? Instant.EPOCH : from);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Arrange a committee meeting (clerk)")
    Meeting arrange(@PathVariable String tenant, @Valid @RequestBody Meeting.Draft draft) {
        return meetings.arrange(draft);
    }

    @GetMapping("/{meetingId}")
    Meeting get(@PathVariable String tenant, @PathVariable UUID meetingId) {
        return meetings.get(meetingId);
    }
}
