package org.councilflow.shell.ui;

import java.util.Optional;
import java.util.Set;

import org.councilflow.identity.Role;

import com.vaadin.flow.component.Component;

/**
 * One part of the home page's dashboard, contributed by the feature it is about (tasks, meetings, decisions, the
 * plan): the home page knows none of them, each panel decides from the roles whether it has something to show.
 * Panels are Spring beans; {@link #render} builds a new component for each page.
 */
public interface HomePanel {

    /** Where the panel goes: lower first. */
    int order();

    /**
     * The panel for a person holding {@code roles} in the current council, or empty when it has nothing for them.
     * Runs inside the council, with the person's authorities: the services it calls check access as everywhere.
     */
    Optional<Component> render(Set<Role> roles);

    /** A card with a heading, as every panel looks; {@code id} names it for tests and for the page's anchors. */
    static com.vaadin.flow.component.html.Section card(String id, String heading) {
        com.vaadin.flow.component.html.H3 title = new com.vaadin.flow.component.html.H3(heading);
        title.getStyle().set("margin-top", "0").set("font-size", "var(--lumo-font-size-l)");
        title.setId(id + "-heading");
        com.vaadin.flow.component.html.Section card = new com.vaadin.flow.component.html.Section(title);
        card.setId(id);
        card.getElement().setAttribute("aria-labelledby", id + "-heading");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "0");
        return card;
    }
}
