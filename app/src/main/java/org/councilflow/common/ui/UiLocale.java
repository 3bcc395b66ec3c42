package org.councilflow.common.ui;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Gives every UI its language ({@link StaffLanguage}: the person's choice, else the council's first language, else
 * the configured locale), whatever the browser's language says: a council's officers in an American-configured
 * browser still type and read British dates. Pickers take their formats from it ({@link BritishPickers}), and the
 * page's {@code <html lang>} says it, from the first response on.
 */
@Component
class UiLocale implements VaadinServiceInitListener {

    private final UiProperties properties;
    private final ObjectProvider<StaffLanguage.DefaultLanguage> councils;

    UiLocale(UiProperties properties, ObjectProvider<StaffLanguage.DefaultLanguage> councils) {
        this.properties = properties;
        this.councils = councils;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(properties.locale()));
        event.getSource().addUIInitListener(init -> {
            Locale locale = locale(VaadinRequest.getCurrent());
            init.getUI().setLocale(locale);
            init.getUI().getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
        });
        event.addIndexHtmlRequestListener(index -> index.getDocument().selectFirst("html")
                .attr("lang", locale(index.getVaadinRequest()).getLanguage()));
    }

    Locale locale(VaadinRequest request) {
        return StaffLanguage.chosen(request)
                .or(() -> {
                    StaffLanguage.DefaultLanguage council = councils.getIfAvailable();
                    return council == null ? java.util.Optional.empty() : council.forCurrentRequest();
                })
                .orElse(properties.locale());
    }
}
