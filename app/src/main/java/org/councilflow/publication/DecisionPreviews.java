package org.councilflow.publication;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.publication.internal.Publisher;
import org.councilflow.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A decision's public page before it is published, for democratic services to check before they confirm: rendered
 * by the public site's own page, from what would be published, and stored nowhere.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('CLERK')")
public class DecisionPreviews {

    private final Publisher publisher;
    private final Tenants tenants;

    DecisionPreviews(Publisher publisher, Tenants tenants) {
        this.publisher = publisher;
        this.tenants = tenants;
    }

    /** The page as publishing at {@code at} would make it; empty when the decision is not for the public site. */
    public Optional<String> decisionPage(UUID reportId, boolean subjectToCallIn, Instant at, Instant callInEndsAt) {
        return publisher.previewDecision(tenants.requireCurrent(), reportId, subjectToCallIn, at, callInEndsAt);
    }
}
