package org.councilflow.workflow.ui;

import java.util.UUID;

import org.councilflow.common.NotFoundException;

import com.vaadin.flow.router.BeforeEnterEvent;

/** The report a report's views are about, from the {@code :reportId} of their route. */
final class ReportRoutes {

    private ReportRoutes() {
    }

    static UUID reportId(BeforeEnterEvent event) {
        String value = event.getRouteParameters().get("reportId").orElse("");
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No report " + value.replaceAll("[^A-Za-z0-9-]", "?") + " in this council");
        }
    }
}
