package org.councilflow.publication;

import java.time.Instant;
import java.util.UUID;

import org.councilflow.publication.internal.Publisher;
import org.councilflow.publication.internal.Snapshots.JourneySnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a plan's improvement journey: its inspection events as they stand become the public timeline. Nothing
 * of a plan is public before this; publishing again replaces the timeline and shows it as updated.
 */
@Service
public class ImprovementJourneys {

    private final Publisher publisher;

    ImprovementJourneys(Publisher publisher) {
        this.publisher = publisher;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'CLERK')")
    public PublishedJourney publish(UUID planId) {
        Published<JourneySnapshot> published = publisher.publishJourney(planId);
        return new PublishedJourney(planId, published.version(), published.publishedAt(),
                "/councils/" + TenantContext.require() + "/improvement-journey/" + planId, published.content().steps().size());
    }

    /** @param path where the public page is */
    public record PublishedJourney(UUID planId, int version, Instant publishedAt, String path, int events) {
    }
}
