package org.councilflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** What the error page says, as view tests read it. */
final class ShellTexts {

    private ShellTexts() {
    }

    static String errorTitle() {
        return _get(H2.class, spec -> spec.withId("error-title")).getText();
    }

    static String errorDetail() {
        return _get(Paragraph.class, spec -> spec.withId("error-detail")).getText();
    }
}
