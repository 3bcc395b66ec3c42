package org.councilflow.minutes.web;

import java.util.UUID;

import org.councilflow.minutes.Attendance;
import org.councilflow.minutes.Attendances;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/t/{tenant}/meetings/{meetingId}/attendance")
@Tag(name = "Minutes", description = "Attendance, declarations of interest, minutes and resolutions of meetings")
class AttendanceController {

    private final Attendances attendances;

    AttendanceController(Attendances attendances) {
        this.attendances = attendances;
    }

    @GetMapping
    @Operation(summary = "Who was at the meeting", description = "Version 0: not yet recorded (the committee's members as present).")
    Attendance get(@PathVariable String tenant, @PathVariable UUID meetingId) {
        return attendances.get(meetingId);
    }

    @PutMapping
    @Operation(summary = "Record who was at the meeting (clerk)", description = "Send the version you loaded; a stale version gets 409.")
    Attendance record(@PathVariable String tenant, @PathVariable UUID meetingId, @Valid @RequestBody Change change) {
        return attendances.record(meetingId, change.attendance(), change.version());
    }

    record Change(@NotNull @Valid Attendance.Draft attendance, @NotNull Integer version) {
    }
}
