package org.councilflow.publication.web;

import java.util.UUID;

import org.councilflow.publication.ImprovementJourneys;
import org.councilflow.publication.ImprovementJourneys.PublishedJourney;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Publication")
class JourneyPublicationController {

    private final ImprovementJourneys journeys;

    JourneyPublicationController(ImprovementJourneys journeys) {
        this.journeys = journeys;
    }

    @PostMapping("/api/t/{tenant}/plans/{planId}/journey-publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the plan's improvement journey (its inspection events) on the public site")
    PublishedJourney publish(@PathVariable String tenant, @PathVariable UUID planId) {
        return journeys.publish(planId);
    }
}
