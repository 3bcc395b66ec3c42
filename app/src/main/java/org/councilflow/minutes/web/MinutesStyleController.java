package org.councilflow.minutes.web;

import org.councilflow.minutes.MinutesStyle;
import org.councilflow.minutes.MinutesStyles;
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
@RequestMapping("/api/t/{tenant}/minutes-style")
@Tag(name = "Minutes")
class MinutesStyleController {

    private final MinutesStyles styles;

    MinutesStyleController(MinutesStyles styles) {
        this.styles = styles;
    }

    @GetMapping
    @Operation(summary = "How the council writes resolutions (\"RESOLVED – That …\", sub-points a), b)) and whether it publishes draft minutes")
    MinutesStyles.Versioned get(@PathVariable String tenant) {
        return styles.get();
    }

    @PutMapping
    @Operation(summary = "Change the council's style of minutes (tenant-admin)", description = "Send the version you loaded; a stale version gets 409.")
    MinutesStyles.Versioned change(@PathVariable String tenant, @Valid @RequestBody Change change) {
        return styles.change(change.style(), change.version());
    }

    record Change(@NotNull @Valid MinutesStyle style, @NotNull Integer version) {
    }
}
