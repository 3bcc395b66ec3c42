package org.councilflow.common.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives every session and UI the configured locale, whatever the browser's language says: a council's officers in
 * an American-configured browser still type and read British dates. Pickers take their formats from it
 * ({@link BritishPickers}).
 */
@Component
class UiLocale implements VaadinServiceInitListener {

    private final UiProperties properties;

    UiLocale(UiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(properties.locale()));
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(properties.locale()));
    }
}
