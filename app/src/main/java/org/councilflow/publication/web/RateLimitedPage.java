package org.councilflow.publication.web;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.Html;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.ratelimit.TooManyRequestsPage;
import org.springframework.stereotype.Component;

/** The public 429 page for the rate-limit filter: the template, in the site's language, outside any council. */
@Component
class RateLimitedPage implements TooManyRequestsPage {

    private final PublicationProperties properties;

    RateLimitedPage(PublicationProperties properties) {
        this.properties = properties;
    }

    @Override
    public String html(long retryAfterSeconds) {
        return Html.tooManyRequests(null, Localizer.of(properties.locale()), retryAfterSeconds);
    }
}
