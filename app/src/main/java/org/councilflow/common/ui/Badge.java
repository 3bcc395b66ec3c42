package org.councilflow.common.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A small labelled status mark. Colours come from Lumo's text colours on a tinted background, which keep a
 * contrast ratio above 4.5:1; the word itself carries the meaning, never the colour alone.
 */
public final class Badge {

    public enum Tone {
        NEUTRAL("var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"),
        SUCCESS("var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"),
        WARNING("#fff3cd", "#5c4400"),
        ERROR("var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"),
        INFO("var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)");

        private final String background;
        private final String text;

        Tone(String background, String text) {
            this.background = background;
            this.text = text;
        }
    }

    private Badge() {
    }

    public static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("data-badge", tone.name().toLowerCase());
        badge.getStyle().set("display", "inline-block").set("padding", "0.1em 0.6em")
                .set("border-radius", "var(--lumo-border-radius-l)").set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "600").set("line-height", "1.6").set("white-space", "nowrap")
                .set("background", tone.background).set("color", tone.text);
        return badge;
    }
}
