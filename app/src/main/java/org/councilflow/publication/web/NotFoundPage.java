package org.councilflow.publication.web;

import org.councilflow.publication.PublicationProperties;
import org.councilflow.publication.internal.Html;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.tenancy.PublicNotFoundPage;
import org.springframework.stereotype.Component;

/** The public 404 page outside any council, for the tenant resolution filter: the template, in the site's language. */
@Component
class NotFoundPage implements PublicNotFoundPage {

    private final PublicationProperties properties;

    NotFoundPage(PublicationProperties properties) {
        this.properties = properties;
    }

    @Override
    public String html() {
        return Html.notFound(null, Localizer.of(properties.locale()));
    }
}
