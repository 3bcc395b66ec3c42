package org.councilflow.shell.ui;

import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What every error page shows: a plain title, what happened, what to do next and a way back. */
abstract class ErrorPage extends VerticalLayout {

    private final H2 title = new H2();
    private final Paragraph detail = new Paragraph();
    private final Paragraph next = new Paragraph();

    ErrorPage() {
        setId("error-page");
        setMaxWidth("48em");
        title.setId("error-title");
        detail.setId("error-detail");
        next.setId("error-next");
        Div mark = new Div(VaadinIcon.EXCLAMATION_CIRCLE_O.create());
        mark.getStyle().set("color", "var(--lumo-error-text-color)");
        mark.getElement().setAttribute("aria-hidden", "true");
        Anchor back = new Anchor("", Words.t("error.back"));
        back.setId("error-back");
        Div alert = new Div(title, detail, next);
        alert.getElement().setAttribute("role", "alert");
        add(mark, alert, back);
    }

    /** @return the HTTP status to answer with */
    int show(String heading, String what, String whatNext) {
        title.setText(heading);
        detail.setText(what);
        next.setText(whatNext);
        next.setVisible(whatNext != null && !whatNext.isBlank());
        return 0;
    }
}
