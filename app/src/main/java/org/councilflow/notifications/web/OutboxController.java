package org.councilflow.notifications.web;

import java.util.List;

import org.councilflow.notifications.Outbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/platform/outbox")
@Tag(name = "Platform", description = "Onboarding and suspending councils (platform-admin)")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "E-mail not sent yet", description = "Reminders, escalations and their e-mails that failed or wait for a retry: kind, council, when, attempts; never addresses or text.")
    List<Outbox.Pending> pending() {
        return outbox.pending();
    }

    @PostMapping("/retry")
    @Operation(summary = "Try every pending e-mail again now")
    Retried retry() {
        return new Retried(outbox.retryNow());
    }

    record Retried(int tried) {
    }
}
