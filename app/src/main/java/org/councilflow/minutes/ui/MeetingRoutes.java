package org.councilflow.minutes.ui;

import java.util.UUID;

import org.councilflow.common.NotFoundException;

import com.vaadin.flow.router.BeforeEnterEvent;

/** The meeting a minutes view is about, from the {@code :meetingId} of its route. */
final class MeetingRoutes {

    private MeetingRoutes() {
    }

    static UUID meetingId(BeforeEnterEvent event) {
        String value = event.getRouteParameters().get("meetingId").orElse("");
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No meeting " + value.replaceAll("[^A-Za-z0-9-]", "?") + " in this council");
        }
    }
}
